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

    /** For setting up: starting a browser, signing in, loading a page (generous, for a busy machine). */
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

    /** How many of {@link #browsers} the running test has been given. */
    private static int given;

    /**
     * One set of browsers for the class, as starting one is slow (no more than three run at once):
     * each test is given them signed out, with no cookies and the window's own page size.
     */
    @org.junit.jupiter.api.BeforeEach
    void signedOutBrowsers() {
        given = 0;
        for (var browser : browsers) {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
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

    private static void signInToDuty(ChromeDriver browser, String username) {
        org.mashlive.BrowserSteps.signIn(browser, wallboard(""), "/duty", username, WAIT);
        waitIn(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("duty-queue")));
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
                By.xpath("//vaadin-item[.//span[@class='duty-person-name' and normalize-space()='" + name + "']]")))
                .click();
        browser.findElement(By.cssSelector("#duty-reason textarea")).sendKeys(reason);
    }

    private static boolean notified(ChromeDriver browser, String text) {
        return org.mashlive.BrowserSteps.notified(browser, text);
    }

    private static void choose(ChromeDriver browser, String id, String label) {
        org.mashlive.BrowserSteps.choose(browser, id, label, WAIT);
    }

    private static void type(ChromeDriver browser, String css, String text) {
        var field = browser.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    /** The rows the queue shows, each its cells' text joined by " | ". */
    @SuppressWarnings("unchecked")
    private static List<String> queue(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                const grid = document.getElementById('duty-queue');
                return Array.from(grid.shadowRoot.querySelectorAll('#items tr'))
                    .filter(tr => !tr.hidden && tr.offsetParent !== null)
                    .map(tr => Array.from(tr.querySelectorAll('td')).map(td => {
                        const slot = td.querySelector('slot');
                        const cell = slot && slot.assignedElements()[0];
                        return cell ? cell.textContent.trim() : '';
                    }).join(' | '));""");
    }

    private static boolean rowShows(ChromeDriver browser, String reference, String... texts) {
        return queue(browser).stream().anyMatch(row -> row.startsWith(reference + " |")
                && java.util.Arrays.stream(texts).allMatch(row::contains));
    }

    private static int notificationsShown(ChromeDriver browser) {
        return ((Number) browser.executeScript(
                "return document.querySelectorAll('vaadin-notification-card').length;")).intValue();
    }

    /** The number an element of the board shows, 0 when it shows none. */
    private static int number(ChromeDriver kiosk, String id) {
        String text = kiosk.findElement(By.id(id)).getText().strip();
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private static String ticker(ChromeDriver kiosk) {
        return kiosk.findElement(By.id("ticker-list")).getText();
    }

    @Test
    void aLeadScreensACaseThroughTheUiAndTheOtherLeadTheBoardAndTheAuditFollow() throws Exception {
        var referral = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("DUTY-BROWSER-2", "Cordelia", "Penhaligon", "2016-05-06"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        String ref = referral.reference();
        moreReferrals();

        var lead = browser();
        var lead2 = browser();
        var kiosk = browser();
        signInToDuty(lead, "duty.lead");
        signInToDuty(lead2, "duty.lead2");
        kiosk.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        waitIn(kiosk, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        waitIn(lead2, WAIT).until(driver -> rowShows(lead2, ref, "Amber", "Received", "Waiting"));

        waitIn(lead, WAIT).until(ExpectedConditions.elementToBeClickable(cell(ref))).click();
        waitIn(lead, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-facts"),
                "Cordelia Penhaligon"));

        // wrong input: a RAG without a reason gets the API's own words
        choose(lead, "duty-rag-choice", "Red");
        lead.findElement(By.id("duty-rate")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + ": reason: must say why the RAG is set or changed"));

        // rate: the other lead's queue and the board show it within a second
        type(lead, "#duty-rag-reason input", "Weapon mentioned in the police log");
        lead.findElement(By.id("duty-rate")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + " rated Red"));
        waitIn(lead2, LIVE).until(driver -> rowShows(lead2, ref, "Red"));
        waitIn(kiosk, LIVE).until(driver -> ticker(kiosk).contains(ref + " re-rated"));
        // one notification at a time: the confirmation replaced the refusal
        waitIn(lead, WAIT).until(driver -> notificationsShown(lead) == 1);

        // move a stage
        choose(lead, "duty-stage-choice", "Information gathering");
        lead.findElement(By.id("duty-move-stage")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + " moved to Information gathering"));
        waitIn(lead2, LIVE).until(driver -> rowShows(lead2, ref, "Information gathering"));
        // the board shortens a ticker line by whole words: "moved to information…"
        waitIn(kiosk, LIVE).until(driver -> ticker(kiosk).contains(ref + " moved to information"));
        waitIn(lead, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-status"),
                "Information gathering"));

        // record the police checks as done, with the officer's summary
        type(lead, "#duty-check-summary textarea", "Two call-outs this year; no warning markers");
        lead.findElement(By.id("duty-check-done")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, "Police checks on " + ref + " recorded as done"));
        waitIn(lead2, LIVE).until(driver -> rowShows(lead2, ref, "Done"));
        waitIn(kiosk, LIVE).until(driver -> ticker(kiosk).contains(ref + " police checks done"));
        screenshot(lead);

        // record the decision: an assessment needs another lead's sign-off, so it waits, and the board
        // counts it within a second
        int waitingBefore = number(kiosk, "signoff-count");
        lead.findElement(By.id("duty-decide")).click();
        choose(lead, "duty-decision-outcome", "Child and family assessment (s17)");
        waitIn(lead, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#duty-decision-rationale textarea"))).sendKeys("Repeated incidents; the child is frightened at home");
        choose(lead, "duty-decision-threshold", "Child in need");
        choose(lead, "duty-decision-next", "Assessment");
        lead.findElement(By.id("duty-decision-record")).click();
        waitIn(lead, WAIT).until(driver -> notified(lead, ref + " decided: Child and family assessment (s17) — awaiting sign-off"));
        waitIn(kiosk, LIVE).until(driver -> number(kiosk, "signoff-count") == waitingBefore + 1);
        waitIn(kiosk, LIVE).until(driver -> ticker(kiosk).contains(ref + " decided, awaiting"));

        // the other lead signs it off from the sign-off queue: it closes, and the board follows within a second
        lead2.get(wallboard("/sign-off"));
        waitIn(lead2, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("sign-off-authorise-" + ref))).click();
        waitIn(lead2, WAIT).until(driver -> notified(lead2, ref + " signed off: Child and family assessment (s17)"));
        waitIn(kiosk, LIVE).until(driver -> number(kiosk, "signoff-count") == waitingBefore);
        waitIn(kiosk, LIVE).until(driver -> ticker(kiosk).contains(ref + " decided"));
        waitIn(lead, LIVE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-status"),
                ref + " is no longer open"));

        var trail = TestClients.web(backendPort(), TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).extracting(entry -> entry.action() + " by " + entry.actor())
                .containsExactly("RECEIVED by duty.lead", "DETAIL_VIEWED by duty.lead", "RAG_CHANGED by duty.lead",
                        "STAGE_CHANGED by duty.lead", "POLICE_CHECK_DONE by duty.lead", "DECIDED by duty.lead",
                        "SIGNED_OFF by duty.lead2");
        assertThat(trail.get(2).reason()).isEqualTo("Weapon mentioned in the police log");
    }

    /** A queue that looks like a morning's: sources, RAGs and stages of every kind. */
    private static void moreReferrals() {
        String[][] contacts = {
                {"PHONE", "FAMILY_SELF", "RED"}, {"PORTAL", "EDUCATION", "GREEN"}, {"EMAIL", "HEALTH", "AMBER"},
                {"PORTAL", "VOLUNTARY", null}, {"PHONE", "OTHER_LOCAL_AUTHORITY", "AMBER"},
                {"EMAIL", "EDUCATION", "RED"}, {"PORTAL", "HEALTH", "GREEN"}, {"PHONE", "BORDER_FORCE", "AMBER"}};
        int n = 0;
        for (String[] contact : contacts) {
            n++;
            String rag = contact[2] == null ? "" : ", \"rag\": \"" + contact[2] + "\"";
            TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"channel": "%s", "source": "%s",
                             "child": {"firstName": "Sample%d", "lastName": "Child", "dateOfBirth": "2014-0%d-11"},
                             "concern": "Worries shared by the referrer.", "consent": "GIVEN"%s}"""
                            .formatted(contact[0], contact[1], n, n, rag))
                    .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        }
    }

    /** The duty view at 1920x1080 as the README shows it. */
    private static void screenshot(ChromeDriver browser) throws java.io.IOException {
        // the window's size is not the page's: set the page to exactly 1920x1080
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1920, "height", 1080,
                "deviceScaleFactor", 1, "mobile", false));
        var target = java.nio.file.Path.of("target", "screenshots", "duty.png");
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.write(target, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
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
