package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.board.api.Access;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in as a person and as a kiosk screen, in headless chromium, against both contexts started
 * by the launcher on the embedded demo. Heartbeats come every second here, so a lost session is
 * noticed at once.
 */
class SignInBrowserIT {

    private static MashLive.Running app;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false", "--vaadin.heartbeatInterval=1");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private void boardIsLive() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void aPersonSignsInOnTheLoginPageAndSeesTheBoard() {
        browser.get(wallboard("/board"));
        wait.until(ExpectedConditions.urlContains("/login"));
        var username = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        username.sendKeys("hub.manager");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("/board"));
        boardIsLive();
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPage() {
        browser.get(wallboard("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys("hub.manager");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("not-the-password", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElements(By.id("live-indicator"))).isEmpty();
    }

    @Test
    void aKioskScreenSeesTheBoardWithoutSigningInAndStaysOnItWhenItsSessionIsLost() {
        browser.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        boardIsLive();

        // the session ends (as after hours): the next heartbeat finds none, and the page reloads itself
        browser.executeScript("window.beforeSessionLoss = true;");
        browser.manage().deleteCookieNamed("JSESSIONID");
        wait.until(driver -> browser.executeScript("return window.beforeSessionLoss === undefined;")
                .equals(Boolean.TRUE));
        boardIsLive();
        assertThat(browser.getCurrentUrl()).contains("/board");
    }
}
