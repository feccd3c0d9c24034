package org.mashlive.wallboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.Axe;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.quality.api.Escalation;
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Professional disagreements in headless chromium on both contexts: a duty lead signs in through the
 * login page, is told in words what a disagreement without a referral lacks, records one, moves it on
 * to a manager and resolves it; a hub manager sees it on the capacity view while open and no longer
 * once resolved; what it is about shows only when the lead asks, and the trail says they read it.
 * The screen is measured at 1280×720 and 1920×1080: nothing wider than the window.
 */
class DisagreementsBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static MashLive.Running app;
    private static final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false");
    }

    @AfterAll
    static void stop() {
        browsers.forEach(ChromeDriver::quit);
        if (app != null) {
            app.close();
        }
    }

    private static ChromeDriver browser(int width, int height) {
        var browser = Browser.start();
        size(browser, width, height);
        browsers.add(browser);
        return browser;
    }

    private static void size(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static int backendPort() {
        return Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
    }

    private static WebDriverWait waitIn(ChromeDriver browser) {
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(50));
    }

    private static void signIn(ChromeDriver browser, String path, String username) {
        org.mashlive.BrowserSteps.signIn(browser, wallboard(""), path, username, WAIT);
    }

    private static void choose(ChromeDriver browser, String id, String label) {
        org.mashlive.BrowserSteps.choose(browser, id, label, WAIT);
    }

    private static boolean notified(ChromeDriver browser, String text) {
        return org.mashlive.BrowserSteps.notified(browser, text);
    }

    /** The elements wider than the window or sticking out of its right edge, by id or tag. */
    private static List<?> overflowing(ChromeDriver browser) {
        return (List<?>) browser.executeScript("""
                const width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('#disagreements *'))
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
                    .map(e => e.id || e.tagName);""");
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        String dir = System.getProperty("board.screenshots");
        if (dir != null) {
            // the picture is of the page, not of the last notification over its header
            browser.executeScript("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
            waitIn(browser).until(driver -> Boolean.TRUE.equals(browser.executeScript(
                    "return document.querySelectorAll('vaadin-notification-card').length === 0")));
            Files.write(Path.of(dir, name), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void aDutyLeadRaisesEscalatesAndResolvesADisagreementAndTheCapacityViewFollows() throws Exception {
        String ref = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("DISAGREE-1", "Wilhelmina", "Ashcombe", "2016-04-05"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT).reference();

        var lead = browser(1280, 720);
        signIn(lead, "/disagreements", "duty.lead");
        var wait = waitIn(lead);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("esc-open-summary"), "None open"));
        assertThat(lead.findElements(By.cssSelector("#shell-nav a"))).extracting(WebElement::getText)
                .contains("Disagreements");

        // no referral named: the person is told what to give, and nothing is recorded
        lead.findElement(By.id("esc-raise")).click();
        wait.until(driver -> notified(lead, "Give the reference of the referral"));
        // a referral that is not there: the backend's words
        lead.findElement(By.cssSelector("#esc-reference input")).sendKeys("MASH-1999-999999");
        choose(lead, "esc-agency", "Health");
        lead.findElement(By.cssSelector("#esc-concern textarea")).sendKeys("The GP for Wilhelmina will not share records.");
        lead.findElement(By.id("esc-raise")).click();
        wait.until(driver -> notified(lead, "No referral MASH-1999-999999"));

        lead.findElement(By.cssSelector("#esc-reference input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), ref);
        lead.findElement(By.id("esc-raise")).click();
        wait.until(driver -> notified(lead, "Disagreement with Health on " + ref + " recorded at the practitioner stage"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("esc-open-summary"), "1 open"));
        var raised = TestClients.web(backendPort()).get().uri("/api/escalations").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Escalation>>() { }).block(WAIT).getFirst();
        assertThat(raised.openedByName()).isEqualTo("Sam Okafor (duty lead)");
        String item = "esc-" + raised.id();
        assertThat(lead.findElement(By.id(item)).getText())
                .contains(ref + " · Health · Practitioner stage").contains("by Sam Okafor").contains("working day")
                .doesNotContain("Wilhelmina");
        assertThat(overflowing(lead)).as("nothing sticks out at 1280×720").isEmpty();

        // escalated to a manager, with a note
        lead.findElement(By.cssSelector("#" + item + "-note input")).sendKeys("Practitioners could not agree");
        lead.findElement(By.id(item + "-escalate")).click();
        wait.until(driver -> notified(lead, ref + " moved on to the manager stage"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(item), "Manager stage"));
        assertThat(lead.findElement(By.id(item)).getText()).contains("Escalated").contains("Manager");

        // the hub manager sees it on the capacity view, at its stage, with no name
        var manager = browser(1920, 1080);
        signIn(manager, "/capacity", "hub.manager");
        By onCapacity = By.id("capacity-escalation-" + raised.id());
        waitIn(manager).until(ExpectedConditions.presenceOfElementLocated(onCapacity));
        assertThat(manager.findElement(onCapacity).getText()).startsWith(ref + " · Health · Manager stage · ")
                .doesNotContain("Wilhelmina");
        // and on the disagreements page, without the text and without the button that shows it
        manager.get(wallboard("/disagreements"));
        waitIn(manager).until(ExpectedConditions.presenceOfElementLocated(By.id(item)));
        assertThat(manager.findElements(By.id(item + "-show"))).isEmpty();
        assertThat(manager.findElement(By.id("disagreements")).getText()).doesNotContain("Wilhelmina");

        // resolving needs the words of the resolution
        lead.findElement(By.id(item + "-resolve")).click();
        wait.until(driver -> notified(lead, "How it was resolved: must say how it was resolved"));
        lead.findElement(By.cssSelector("#" + item + "-resolution input")).sendKeys("GP agreed to share under s47.");
        lead.findElement(By.id(item + "-resolve")).click();
        wait.until(driver -> notified(lead, "Disagreement on " + ref + " resolved"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("esc-open-summary"), "None open"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("esc-resolved"), ref + " · Health · Manager stage"));
        assertThat(lead.findElement(By.id("esc-resolved")).getText()).contains("by Sam Okafor (duty lead), after");

        // what it was about: only when asked, and the trail says who read it
        lead.findElement(By.id(item + "-show")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(item + "-detail"),
                "The GP for Wilhelmina will not share records."));
        assertThat(lead.findElement(By.id(item + "-detail")).getText()).contains("Practitioners could not agree")
                .contains("GP agreed to share under s47.");
        assertThat(Axe.violations(lead)).as("the disagreements page").isEmpty();

        manager.get(wallboard("/capacity"));
        waitIn(manager).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("capacity-escalations-summary"), "None open"));
        assertThat(manager.findElements(onCapacity)).isEmpty();

        var trail = TestClients.web(backendPort(), TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).filteredOn(e -> e.action().name().startsWith("ESCALATION")
                        || e.action() == AuditAction.DETAIL_VIEWED && String.valueOf(e.detail()).contains("disagreement"))
                .extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("ESCALATION_RAISED by duty.lead", "ESCALATION_STAGE_CHANGED by duty.lead",
                        "ESCALATION_RESOLVED by duty.lead", "DETAIL_VIEWED by duty.lead");

        // the page at full HD, with an open and a resolved disagreement
        TestClients.web(backendPort()).post().uri("/api/escalations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", ref, "agency", "EDUCATION", "raisedBy", "AGENCY",
                        "concern", "The school disagrees with the threshold applied."))
                .retrieve().bodyToMono(Escalation.class).block(WAIT);
        size(lead, 1920, 1080);
        lead.findElement(By.id("esc-refresh")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("esc-open-summary"), "1 open"));
        assertThat(overflowing(lead)).as("nothing sticks out at 1920×1080").isEmpty();
        screenshot(lead, "disagreements-1920x1080.png");
        size(lead, 1280, 720);
        lead.findElement(By.id("esc-refresh")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("esc-open-summary"), "1 open"));
        assertThat(overflowing(lead)).as("nothing sticks out at 1280×720").isEmpty();
        assertThat(lead.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("the page, header and all, fits the width at 1280×720").isEqualTo(true);
        screenshot(lead, "disagreements-1280x720.png");
    }
}
