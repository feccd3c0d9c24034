package org.mashlive.wallboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Quality assurance in headless chromium on both contexts: a hub manager draws this week's sample on
 * the QA screen, after being told what a draw before the week is over leaves out, and grades the sampled decision against the checklist; the duty lead who made it then
 * reads the grade and the feedback on their own feedback page; the trail says who drew and who graded.
 */
class QualityBrowserIT {

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

    private static ChromeDriver browser() {
        var browser = Browser.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        browsers.add(browser);
        return browser;
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

    /** This ISO week in the hub's zone, as the QA screen names it. */
    private static String thisWeek() {
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        return "%d-W%02d".formatted(today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A referral taken in and decided by the duty lead now: no further action, which closes it. */
    private static String decidedNow() {
        var referral = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        TestClients.web(backendPort()).post().uri("/api/referrals/{ref}/decision", referral.reference())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"outcome": "NO_FURTHER_ACTION", "rationale": "Parents engaging; school has no concerns.",
                         "threshold": "Universal", "nextStep": "NO_FURTHER_ACTION"}""")
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        return referral.reference();
    }

    @Test
    void aHubManagerDrawsAndGradesTheWeeksSampleAndThePractitionerReadsTheFeedback() {
        var decided = List.of(decidedNow(), decidedNow(), decidedNow());

        var manager = browser();
        signIn(manager, "/quality", "hub.manager");
        var wait = waitIn(manager);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-summary"), "No QA sample has been drawn"));
        assertThat(manager.findElements(By.cssSelector("#shell-nav a"))).extracting(WebElement::getText)
                .contains("Quality");

        // this week is not over: the screen says what a draw now covers, and asks before drawing
        assertThat(manager.findElement(By.id("qa-week-note")).getText()).contains("is not over")
                .contains("covers only the decisions closed from Monday until now")
                .contains("will never be in its sample");
        manager.findElement(By.id("qa-draw")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-mid-week-why"), "is not over"));
        manager.findElement(By.id("qa-mid-week-wait")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("qa-mid-week-why")));
        assertThat(manager.findElement(By.id("qa-summary")).getText()).contains("No QA sample has been drawn");
        manager.findElement(By.id("qa-draw")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("qa-mid-week-draw"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-summary"), "1 of 3 decisions sampled"));
        wait.until(driver -> notified(manager, "Drew 1 of 3 decisions"));
        assertThat(manager.findElement(By.id("qa-summary")).getText())
                .contains("drawn before the week was over: it covers the decisions closed until");
        // a week that is over says a draw covers all of it
        manager.findElement(By.cssSelector("#qa-week input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "2019-W02", Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-week-note"), "2019-W02 is over"));
        manager.findElement(By.cssSelector("#qa-week input")).sendKeys(Keys.chord(Keys.CONTROL, "a"),
                thisWeek(), Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-week-note"), "is not over"));
        String ref = manager.findElement(By.cssSelector("#qa-sample section")).getAttribute("id").substring("qa-".length());
        assertThat(decided).contains(ref);
        assertThat(manager.findElement(By.id("qa-" + ref)).getText())
                .contains("Parents engaging; school has no concerns.").contains("Universal");
        assertThat(Axe.violations(manager)).as("the QA screen with its grading form").isEmpty();

        // a grade without every item answered is not sent, and says what is missing
        choose(manager, "qa-" + ref + "-item-0", "Met");
        manager.findElement(By.id("qa-" + ref + "-save")).click();
        wait.until(driver -> notified(manager, "not answered: Child's voice recorded, Consent handled"));

        choose(manager, "qa-" + ref + "-item-1", "Not met");
        choose(manager, "qa-" + ref + "-item-2", "Met");
        choose(manager, "qa-" + ref + "-item-3", "Partly met");
        choose(manager, "qa-" + ref + "-item-4", "Met");
        choose(manager, "qa-" + ref + "-grade", "Requires improvement");
        manager.findElement(By.cssSelector("#qa-" + ref + "-feedback textarea"))
                .sendKeys("Clear rationale; record the child's own words next time.");
        manager.findElement(By.id("qa-" + ref + "-save")).click();
        wait.until(driver -> notified(manager, ref + " graded Requires improvement"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-" + ref + "-graded"),
                "Graded Requires improvement by Priya Shah"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-summary"), "1 graded"));

        // the duty lead who decided reads it on their feedback page
        var lead = browser();
        signIn(lead, "/feedback", "duty.lead");
        var leadWait = waitIn(lead);
        leadWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-summary"),
                "1 of your decisions has been graded"));
        String shown = lead.findElement(By.id("feedback-" + ref)).getText();
        assertThat(shown).contains(ref + " · Requires improvement")
                .contains("Clear rationale; record the child's own words next time.")
                .contains("Child's voice recorded").contains("Not met")
                .doesNotContain("Parents engaging");
        assertThat(lead.findElements(By.cssSelector("#shell-nav a"))).extracting(WebElement::getText)
                .contains("My feedback").doesNotContain("Quality");
        assertThat(Axe.violations(lead)).as("the feedback page").isEmpty();

        var trail = TestClients.web(backendPort(), TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.QA_SAMPLED || e.action() == AuditAction.QA_GRADED)
                .extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("QA_SAMPLED by hub.manager", "QA_GRADED by hub.manager");
    }

    @Test
    void theCapacityViewListsOpenDisagreementsWithTheirStageAndAgeAndNoNames() {
        String ref = decidedNow();
        var raised = TestClients.web(backendPort()).post().uri("/api/escalations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("reference", ref, "agency", "HEALTH", "raisedBy", "AGENCY",
                        "concern", "The health visitor for Amelia disagrees with no further action."))
                .retrieve().bodyToMono(org.mashlive.quality.api.Escalation.class).block(WAIT);

        var head = browser();
        signIn(head, "/capacity", "service.head");
        var wait = waitIn(head);
        By item = By.id("capacity-escalation-" + raised.id());
        wait.until(ExpectedConditions.presenceOfElementLocated(item));
        assertThat(head.findElement(item).getText()).startsWith(ref + " · Health · Practitioner stage · ")
                .contains("working day").doesNotContain("overdue").doesNotContain("Amelia");
        assertThat(head.findElement(By.id("capacity-escalations-summary")).getText()).contains("1 open");
        assertThat(Axe.violations(head)).as("the capacity view with a disagreement").isEmpty();
    }
}
