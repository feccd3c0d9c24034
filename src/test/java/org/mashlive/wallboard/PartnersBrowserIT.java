package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A duty lead asks a partner on {@code /duty} in headless chromium, and the kiosk board beside it, on
 * both contexts started by the launcher: the request is on the board's "waiting on partners" tile
 * within a second, and turns overdue there at its due time. Red requests are due after an elapsed
 * time, set here to a minute; the wall-board's clock, running as the system's, is moved on to just
 * before it, so that the test does not wait the minute out.
 */
class PartnersBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LIVE = Duration.ofSeconds(1);
    private static final Duration RED = Duration.ofMinutes(1);
    /** The wall-board's clock: real time, plus however far the test has moved it on. */
    private static final MovedClock wallboardClock = new MovedClock();

    private static MashLive.Running app;
    private static final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = wallboardClock.startWithWallboardClock("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false", "--mash.partners.response-times.default.red=" + RED.toSeconds() + "s");
    }

    /** How many of {@link #browsers} the running test has been given. */
    private static int given;

    /** One set of browsers for the class, as starting one is slow: each test is given them signed out, with no cookies. */
    @BeforeEach
    void signedOutBrowsers() {
        given = 0;
        for (var browser : browsers) {
            browser.get(wallboard("/login"));
            browser.manage().deleteAllCookies();
        }
    }

    @AfterAll
    static void stop() {
        browsers.forEach(ChromeDriver::quit);
        if (app != null) {
            app.close();
        }
    }

    private static ChromeDriver browser() {
        if (given < browsers.size()) {
            return browsers.get(given++);
        }
        var browser = Browser.start();
        browsers.add(browser);
        given++;
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

    private static void signInToDuty(ChromeDriver browser, String username) {
        org.mashlive.BrowserSteps.signIn(browser, wallboard(""), "/duty", username, WAIT);
        waitIn(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("duty-queue")));
    }

    private static void choose(ChromeDriver browser, String id, String label) {
        org.mashlive.BrowserSteps.choose(browser, id, label, WAIT);
    }

    private static boolean notified(ChromeDriver browser, String text) {
        return org.mashlive.BrowserSteps.notified(browser, text);
    }

    /** The kiosk's line for an agency, or "" while it shows none. */
    private static String line(ChromeDriver kiosk, String agency) {
        Object text = kiosk.executeScript("""
                const li = document.querySelector('#partner-list li[data-agency="' + arguments[0] + '"]');
                return li ? li.textContent : '';""", agency);
        return String.valueOf(text);
    }

    @Test
    void aRequestMadeOnDutyIsOnTheBoardWithinASecondAndOverdueThereAtItsDueTime() {
        // an email from a school: a police notification would come with its police checks, a request to the police
        var referral = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"externalRef": "PARTNERS-BROWSER-1", "channel": "EMAIL", "source": "EDUCATION",
                         "child": {"firstName": "Ottoline", "lastName": "Fairweather", "dateOfBirth": "2015-02-03"},
                         "concern": "Child arrives hungry most days.", "rag": "AMBER", "consent": "GIVEN"}""")
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        String ref = referral.reference();

        var lead = browser();
        var kiosk = browser();
        signInToDuty(lead, "duty.lead");
        kiosk.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        waitIn(kiosk, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        waitIn(kiosk, WAIT).until(ExpectedConditions.textToBe(By.id("partners-waiting"), "0"));
        assertThat(kiosk.findElement(By.id("partner-list")).getText()).isEqualTo("Nothing waiting");

        waitIn(lead, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='" + ref + "']"))).click();
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-facts"),
                "Ottoline Fairweather"));
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-partner-list"),
                "No partner asked yet"));

        // nothing chosen: the backend's words name the field, nothing is asked
        lead.findElement(By.id("duty-partner-request")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + ": agency: must be one of POLICE"));

        choose(lead, "duty-partner-agency", "Education");
        choose(lead, "duty-partner-rag", "Red");
        lead.findElement(By.cssSelector("#duty-partner-asked textarea")).sendKeys("Attendance and any concerns");
        lead.findElement(By.id("duty-partner-request")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, "Information requested from Education for " + ref));
        // on the kiosk within a second, not yet overdue
        waitIn(kiosk, LIVE).until(ExpectedConditions.textToBe(By.id("partners-waiting"), "1"));
        waitIn(kiosk, LIVE).until(driver -> line(kiosk, "EDUCATION").startsWith("Education1"));
        assertThat(line(kiosk, "EDUCATION")).doesNotContain("overdue").contains("oldest due in");
        // the duty view lists it, waiting, with what was asked
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-partner-list"),
                "Asked: Attendance and any concerns"));

        var asked = TestClients.web(backendPort()).get().uri("/api/referrals/" + ref + "/partner-requests").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<PartnerRequestDetail>>() { }).block(WAIT).getFirst();
        assertThat(Duration.between(asked.requestedAt(), asked.dueAt())).isEqualTo(RED);

        // overdue at its due time by the board's clock: not before it, and within the board's tick after it
        // (the board's clock moved on to two seconds before it; had the board turned it overdue any
        // earlier, it would show so at once, before its due time)
        Duration toGo = Duration.between(wallboardClock.instant(), asked.dueAt().minusSeconds(2));
        assertThat(toGo).as("not yet two seconds before its due time").isPositive();
        wallboardClock.advance(toGo);
        waitIn(kiosk, Duration.ofSeconds(2 + 15)).until(driver -> line(kiosk, "EDUCATION").contains("1 overdue"));
        Instant shown = wallboardClock.instant();
        assertThat(shown).isAfter(asked.dueAt());
        assertThat(shown).isBefore(asked.dueAt().plus(Duration.ofSeconds(5 + 3)));
        assertThat(kiosk.findElement(By.id("partners-overdue")).getText()).isEqualTo("· 1 overdue");
        assertThat(line(kiosk, "EDUCATION")).contains("late");
        // the board shows no name and no reference of it
        assertThat(kiosk.findElement(By.id("partners")).getText()).doesNotContain("Ottoline").doesNotContain(ref);

        // the queue's filter: only referrals waiting on partners
        lead.findElement(By.cssSelector("#duty-waiting-partners input")).click();
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-count"), "1 of"));

        // the partner answers: off the board within a second
        lead.findElement(By.cssSelector("#duty-partner-none-" + asked.id() + " input")).click();
        lead.findElement(By.id("duty-partner-answer-" + asked.id())).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, "Answer from Education recorded for " + ref));
        waitIn(kiosk, LIVE).until(ExpectedConditions.textToBe(By.id("partners-waiting"), "0"));
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-partner-list"),
                "No information held"));
    }

    @Test
    void theDutyListOfARequestFollowsWhatAnotherClientAsksChasesAndAnswers() {
        var referral = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                // an email from a school: a police notification would come with its police checks already asked
                .bodyValue("""
                        {"externalRef": "PARTNERS-BROWSER-2", "channel": "EMAIL", "source": "EDUCATION",
                         "child": {"firstName": "Araminta", "lastName": "Kellaway", "dateOfBirth": "2014-06-07"},
                         "concern": "Often absent on Mondays.", "rag": "AMBER", "consent": "GIVEN"}""")
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        String ref = referral.reference();

        var lead = browser();
        signInToDuty(lead, "duty.lead");
        waitIn(lead, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='" + ref + "']"))).click();
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-partner-list"),
                "No partner asked yet"));

        // another duty lead asks the school, through the API: the list shows it without a click
        var other = TestClients.web(backendPort(), TestClients.demoUser("duty.lead2"));
        var asked = other.post().uri("/api/referrals/{ref}/partner-requests", ref).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("agency", "EDUCATION", "asked", "Attendance this term"))
                .retrieve().bodyToMono(PartnerRequestDetail.class).block(WAIT);
        By state = By.id("duty-partner-state-" + asked.id());
        waitIn(lead, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(state, "waiting"));
        assertThat(lead.findElement(By.id("duty-partner-list")).getText()).contains("Asked: Attendance this term")
                .contains("by Jo Walsh");

        // the lead starts writing an answer while the other chases: the chase shows, the words stay
        lead.findElement(By.cssSelector("#duty-partner-summary-" + asked.id() + " textarea")).sendKeys("Attends 92%");
        other.post().uri("/api/partner-requests/{id}/chase", asked.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("how", "PHONE")).retrieve().toBodilessEntity().block(WAIT);
        waitIn(lead, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("duty-partner-list"), "Chased"));
        assertThat(lead.findElement(By.cssSelector("#duty-partner-summary-" + asked.id() + " textarea"))
                .getDomProperty("value")).isEqualTo("Attends 92%");

        // the other records the school's answer: the list shows it answered, with no click here
        other.post().uri("/api/partner-requests/{id}/answer", asked.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("summary", "Attendance 92%, no concerns", "noInformationHeld", false))
                .retrieve().toBodilessEntity().block(WAIT);
        waitIn(lead, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(state, "answered"));
        assertThat(lead.findElement(By.id("duty-partner-list")).getText())
                .contains("Answer: Attendance 92%, no concerns");
        assertThat(lead.findElements(By.id("duty-partner-answer-" + asked.id()))).isEmpty();
    }
}
