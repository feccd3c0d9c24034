package org.mashlive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Access;
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

/**
 * The whole product as a hub sees it: the jar's launcher starts both contexts on the embedded
 * PostgreSQL, a referral is posted over REST, and headless chromium sees its reference on the
 * wall-board within two seconds.
 */
class EndToEndIT {

    private static MashLive.Running app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private static String port(org.springframework.context.ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aReferralPostedOverRestShowsOnTheBoardWithinTwoSeconds() {
        browser.get("http://localhost:" + port(app.wallboard()) + "/board?kiosk=" + Access.DEMO_KIOSK_TOKEN);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));

        var posted = TestClients.web(Integer.parseInt(port(app.backend()))).post().uri("/api/referrals")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("MERLIN-E2E-1", "Zebedee", "Quartermain", "2014-02-03"))
                .retrieve().bodyToMono(ReferralSummary.class).block(Duration.ofSeconds(10));

        new WebDriverWait(browser, Duration.ofSeconds(2), Duration.ofMillis(50))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticker"), posted.reference()));

        // the capacity tile reads its figures from the backend on a connection of its own
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(100))
                .until(driver -> driver.findElement(By.id("capacity-average")).getDomProperty("textContent")
                        .matches("14-day average \\d.*"));

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains(posted.reference())
                .doesNotContain("Zebedee", "Quartermain", "2014-02-03", "03/02/2014");
    }
}
