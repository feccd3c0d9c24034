package org.mashlive;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium through Debian's chromedriver, with the flags that keep it off the
 * network; no browser or driver is downloaded.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() {
        return start(new String[0]);
    }

    /** The same, with more of chromium's flags, for example {@code --autoplay-policy=no-user-gesture-required}. */
    public static ChromeDriver start(String... extraArguments) {
        try {
            Path profile = Files.createTempDirectory("mash-chromium");
            var options = new ChromeOptions()
                    .setBinary(executable("MASH_CHROMIUM", "/usr/bin/chromium"))
                    .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage", "--window-size=1920,1080",
                            "--user-data-dir=" + profile)
                    .addArguments(extraArguments);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(executable("MASH_CHROMEDRIVER", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not make a chromium profile directory", e);
        }
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured != null && !configured.isBlank() ? configured : fallback;
    }
}
