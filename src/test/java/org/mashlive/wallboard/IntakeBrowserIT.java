package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.audit.AuditEntry;
import org.mashlive.board.api.Access;
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A front-door worker in headless chromium enters a phone call naming two children on the intake
 * screen, with a kiosk board beside: both new references are on the board within a second, the
 * screen shows the earlier contact of the child referred before, and the audit trail says the
 * worker was shown it. A contact too thin to take in is refused in the screen's words, and
 * nothing is written.
 */
class IntakeBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofSeconds(1);

    private static MashLive.Running app;
    private static final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false");
    }

    /** Keeps what each browser showed when a test failed, to see why. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher SCREENS = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            for (int i = 0; i < browsers.size(); i++) {
                try {
                    var target = java.nio.file.Path.of("target", "screenshots",
                            context.getRequiredTestMethod().getName() + "-" + i + ".png");
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.write(target, browsers.get(i).getScreenshotAs(
                            org.openqa.selenium.OutputType.BYTES));
                } catch (RuntimeException | java.io.IOException e) {
                    // the failure itself is what matters; a missing picture is not
                }
            }
        }
    };

    @AfterAll
    static void stop() {
        browsers.forEach(ChromeDriver::quit);
        if (app != null) {
            app.close();
        }
    }

    private static ChromeDriver browser() {
        var browser = Browser.start();
        browsers.add(browser);
        return browser;
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static int backendPort() {
        return Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
    }

    private static WebDriverWait waitIn(ChromeDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(50));
    }

    private static boolean notified(ChromeDriver browser, String text) {
        return org.mashlive.BrowserSteps.notified(browser, text);
    }

    private static void choose(ChromeDriver browser, String id, String label) {
        org.mashlive.BrowserSteps.choose(browser, id, label, WAIT);
    }

    private static void type(ChromeDriver browser, String id, String text) {
        waitIn(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input, #" + id
                + " textarea"))).sendKeys(text);
    }

    /** Sets a Vaadin date picker as a person choosing the date would: its ISO value, then the change. */
    private static void date(ChromeDriver browser, String id, String iso) {
        var picker = waitIn(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        browser.executeScript("arguments[0].value = arguments[1];", picker, iso);
        waitIn(browser, WAIT).until(driver -> iso.equals(picker.getDomProperty("value")));
    }

    private static long openReferrals() {
        return TestClients.web(backendPort(), TestClients.demoUser("admin")).get().uri("/api/referrals")
                .retrieve().bodyToFlux(ReferralSummary.class).count().block(WAIT);
    }

    @Test
    void aFrontDoorWorkerEntersATwoChildPhoneContactAndSeesTheEarlierContactOfOne() {
        // Mo was referred by her school last month
        var earlier = TestClients.web(backendPort(), TestClients.demoUser("duty.lead")).post().uri("/api/referrals")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"channel": "EMAIL", "source": "EDUCATION",
                         "child": {"firstName": "Mo", "lastName": "Tarrant", "dateOfBirth": "2016-02-02"},
                         "concern": "Arrives hungry, unwashed clothes.", "consent": "GIVEN"}""")
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);

        var kiosk = browser();
        kiosk.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        waitIn(kiosk, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));

        var worker = browser();
        worker.get(wallboard("/intake"));
        var wait = waitIn(worker, WAIT);
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys("front.door");
        worker.findElement(By.cssSelector("input[name='password']")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/intake"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-child-0-last")));

        // too thin: no family name, no source. Refused in the screen's words; nothing written.
        long open = openReferrals();
        type(worker, "intake-child-0-first", "Mo");
        type(worker, "intake-concern", "Neighbour heard shouting and a child crying late at night.");
        worker.findElement(By.id("intake-save")).click();
        wait.until(driver -> notified(worker, "Child 1 family name"));
        assertThat(openReferrals()).isEqualTo(open);

        choose(worker, "intake-source", "Family / self");
        type(worker, "intake-child-0-last", "Tarrant");
        date(worker, "intake-child-0-dob", "2016-02-02");
        worker.findElement(By.id("intake-add-child")).click();
        type(worker, "intake-child-1-first", "Nell");
        type(worker, "intake-child-1-last", "Tarrant");
        type(worker, "intake-child-1-age", "4");
        type(worker, "intake-referrer-name", "Pat Neighbour");
        type(worker, "intake-referrer-contact", "01632 960777");
        worker.findElement(By.id("intake-save")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-taken-reference-1")));
        String first = worker.findElement(By.id("intake-taken-reference-0")).getText().split(" · ")[0];
        String second = worker.findElement(By.id("intake-taken-reference-1")).getText().split(" · ")[0];
        assertThat(first).matches("MASH-\\d{4}-\\d{6}").isNotEqualTo(second);
        assertThat(worker.findElement(By.id("intake-taken-reference-1")).getText()).endsWith("N.T.");

        // on the kiosk board within a second of the answer
        waitIn(kiosk, LIVE).until(driver -> {
            String ticker = kiosk.findElement(By.id("ticker-list")).getText();
            return ticker.contains(first) && ticker.contains(second);
        });

        // Mo's earlier referral is shown; Nell has none
        assertThat(worker.findElement(By.id("intake-earlier-0")).getText())
                .contains(earlier.reference(), "Education").doesNotContain("likely");
        assertThat(worker.findElement(By.id("intake-taken-1")).getText()).contains("No earlier contacts");

        // and the audit trail of that earlier referral says who was shown it, at which intake
        var trail = TestClients.web(backendPort(), TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", earlier.reference()).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        // (the trail starts with the earlier referral's own intake)
        assertThat(trail).extracting(entry -> entry.action() + " by " + entry.actor())
                .containsExactly("RECEIVED by duty.lead", "DETAIL_VIEWED by front.door");
        assertThat(trail.getLast().detail()).contains(first).doesNotContain(second);
    }
}
