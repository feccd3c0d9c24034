package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.audit.AuditEntry;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.staff.Person;
import org.mashlive.staff.StaffDetails;
import org.mashlive.staff.StaffService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Two duty leads in two headless chromium browsers, and a kiosk board beside them, on both contexts
 * started by the launcher: one moves a case, the other lead and the board see it within a second;
 * then both move it at once from the same version, one wins and the other is told who has it; and
 * the audit trail over REST says who moved it, when and why.
 */
class DutyBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration LIVE = Duration.ofSeconds(1);

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
        browsers.add(browser);
        return browser;
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static int backendPort() {
        return Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
    }

    private static Person onShift(String name) {
        var staff = app.backend().getBean(StaffService.class);
        var person = staff.hire(new StaffDetails(name, StaffRole.SOCIAL_WORKER, "MASH", Contract.FULL_TIME, null))
                .block(WAIT);
        Instant now = Instant.now();
        staff.addShift(person.id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7))).block(WAIT);
        return person;
    }

    private static WebDriverWait waitIn(ChromeDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(50));
    }

    /** Signs {@code username} in at the login page and opens the duty view. */
    private static void signInToDuty(ChromeDriver browser, String username) {
        browser.get(wallboard("/duty"));
        var wait = waitIn(browser, WAIT);
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/duty"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("duty-queue")));
    }

    private static By cell(String text) {
        return By.xpath("//vaadin-grid-cell-content[normalize-space()='" + text + "']");
    }

    /** Selects the case's row (which fetches its detail) and opens the move dialog. */
    private static void openMove(ChromeDriver browser, String reference, String childName) {
        var wait = waitIn(browser, WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(cell(reference))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-facts"), childName));
        browser.findElement(By.id("duty-reallocate")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("duty-send")));
    }

    private static void chooseAndGiveReason(ChromeDriver browser, String name, String reason) {
        var wait = waitIn(browser, WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-radio-button[contains(normalize-space(.), '" + name + " ·')]"))).click();
        browser.findElement(By.cssSelector("#duty-reason textarea")).sendKeys(reason);
    }

    private static boolean notified(ChromeDriver browser, String text) {
        Object found = browser.executeScript("""
                return Array.from(document.querySelectorAll('vaadin-notification-card'))
                    .some(card => card.textContent.includes(arguments[0]));""", text);
        return Boolean.TRUE.equals(found);
    }

    @Test
    void twoDutyLeadsMoveACaseAndTheBoardAndTheAuditFollow() {
        var alder = onShift("P. Alder");
        var birch = onShift("Q. Birch");
        var referral = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("DUTY-BROWSER-1", "Wilhelmina", "Ashcombe", "2014-02-03"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        String ref = referral.reference();
        TestClients.web(backendPort()).put().uri("/api/referrals/{ref}/allocation", ref)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("staffId", alder.id()))
                .retrieve().bodyToMono(AllocationCard.class).block(WAIT);

        var lead = browser();
        var lead2 = browser();
        var kiosk = browser();
        signInToDuty(lead, "duty.lead");
        signInToDuty(lead2, "duty.lead2");
        kiosk.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        waitIn(kiosk, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        waitIn(lead2, WAIT).until(ExpectedConditions.presenceOfElementLocated(cell("P. Alder")));

        // the first lead moves it to Birch; the other lead's queue and the board show it within a second
        openMove(lead, ref, "Wilhelmina Ashcombe");
        chooseAndGiveReason(lead, "Q. Birch", "Alder is in court this afternoon");
        lead.findElement(By.id("duty-send")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + " allocated to Q. Birch"));
        waitIn(lead2, LIVE).until(ExpectedConditions.presenceOfElementLocated(cell("Q. Birch")));
        waitIn(kiosk, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticker-list"),
                ref + " allocated to Q. Birch"));

        // both open the move on version 2; the first to send wins, the other is told who has it
        openMove(lead2, ref, "Wilhelmina Ashcombe");
        chooseAndGiveReason(lead2, "P. Alder", "Birch has too much on");
        openMove(lead, ref, "Wilhelmina Ashcombe");
        chooseAndGiveReason(lead, "P. Alder", "Court finished early");
        lead.findElement(By.id("duty-send")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + " allocated to P. Alder"));
        lead2.findElement(By.id("duty-send")).click();
        waitIn(lead2, WAIT).until(driver -> notified(lead2, "was moved to P. Alder by duty.lead"));
        waitIn(lead2, WAIT).until(ExpectedConditions.presenceOfElementLocated(cell("P. Alder")));

        var trail = TestClients.web(backendPort(), TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).extracting(entry -> entry.action() + " by " + entry.actor() + " to " + entry.toStaffId()
                        + " because " + entry.reason())
                .contains("REALLOCATED by duty.lead to " + birch.id() + " because Alder is in court this afternoon",
                        "REALLOCATED by duty.lead to " + alder.id() + " because Court finished early",
                        "ALLOCATION_CONFLICT by duty.lead2 to " + alder.id() + " because Birch has too much on");
        assertThat(trail).filteredOn(entry -> entry.action().name().equals("DETAIL_VIEWED"))
                .extracting(AuditEntry::actor).contains("duty.lead", "duty.lead2");
        assertThat(trail).allSatisfy(entry -> assertThat(entry.at()).isNotNull());
    }
}
