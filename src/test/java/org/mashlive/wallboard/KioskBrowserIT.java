package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.NewKiosk;
import org.springframework.http.MediaType;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Kiosk tokens made and revoked on the admins' page, in two headless chromiums on both contexts
 * started by the launcher on the embedded demo: an admin makes a token, a TV opens its address and
 * shows the board, the admin sees it last seen and revokes it, and the open board, with no click
 * or reload, leaves for the "revoked" page within the bound the README states; its address then
 * answers the same page. A token revoked at the backend, as from another wall-board, sends its open
 * board away within the check interval and the board's tick.
 */
class KioskBrowserIT {

    // a deadline for page loads on a busy machine, not a pause
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The stated bound for a revocation made on this wall-board: the board's 5 s tick, with room for a busy machine. */
    private static final Duration REVOKED_WITHIN = Duration.ofSeconds(15);

    /** How often a screen's token is checked with the backend here. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(3);

    private static MashLive.Running app;
    private static ChromeDriver admin;
    private static ChromeDriver tv;

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false", "--mash.kiosk.check-every=" + CHECK_EVERY.toSeconds() + "s");
        admin = Browser.start();
        tv = Browser.start();
    }

    @AfterAll
    static void stop() {
        for (var browser : new ChromeDriver[] {admin, tv}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (app != null) {
            app.close();
        }
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static void signIn(WebDriverWait wait, String path) {
        admin.get(wallboard(path));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("admin");
        admin.findElement(By.id("password")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(admin.getCurrentUrl()).startsWith(wallboard(path));
    }

    @Test
    void aTokenMadeOnThePageOpensTheBoardAndItsRevocationSendsTheOpenBoardToTheRevokedPage() {
        var adminWait = new WebDriverWait(admin, WAIT, Duration.ofMillis(100));
        signIn(adminWait, "/admin/kiosks");
        adminWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kiosk-name input")))
                .sendKeys("Corridor TV");
        admin.findElement(By.id("kiosk-create")).click();
        String address = adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kiosk-new-address")))
                .getText();
        assertThat(address).startsWith(wallboard("/board?kiosk="));
        var made = By.xpath("//section[h2[starts-with(normalize-space(), 'Corridor TV')]]");
        assertThat(adminWait.until(ExpectedConditions.visibilityOfElementLocated(made)).getText())
                .contains("Whole hub", "by admin", "not yet");

        var tvWait = new WebDriverWait(tv, WAIT, Duration.ofMillis(100));
        tv.get(address);
        tvWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        assertThat(tv.findElements(By.id("shell-nav"))).as("a kiosk has no header").isEmpty();

        // seen: the admin's page, read again, says when
        admin.navigate().refresh();
        adminWait.until(driver -> !driver.findElement(made).getText().contains("not yet"));

        var revoke = admin.findElement(made).findElement(By.tagName("vaadin-button"));
        assertThat(revoke.getText()).isEqualTo("Revoke");
        revoke.click();
        Instant revokedAt = Instant.now();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(made, "Corridor TV · revoked"));

        // the open board, untouched, leaves at its next refresh
        new WebDriverWait(tv, REVOKED_WITHIN, Duration.ofMillis(100))
                .until(ExpectedConditions.urlToBe(wallboard("/kiosk-revoked")));
        assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(REVOKED_WITHIN);
        assertThat(tv.findElement(By.id("revoked-note")).getText())
                .contains("This screen's kiosk token has been revoked");
        assertThat(tv.manage().getCookieNamed(KioskFilter.COOKIE)).as("the cookie is dropped").isNull();

        // and its address, opened again, answers the same page
        tv.get(address);
        assertThat(tvWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoked-note"))).getText())
                .contains("revoked");
        assertThat(tv.findElements(By.id("board"))).isEmpty();
    }

    @Test
    void aTokenRevokedElsewhereSendsTheOpenBoardAwayWithinTheCheckIntervalAndTheTick() {
        int backend = Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
        var rest = TestClients.web(backend, TestClients.demoUser("admin"));
        var made = rest.post().uri("/api/kiosks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new NewKiosk("Stairwell TV", null)).retrieve().bodyToMono(CreatedKiosk.class).block(WAIT);
        var tvWait = new WebDriverWait(tv, WAIT, Duration.ofMillis(100));
        tv.get(wallboard("/board?kiosk=" + made.token()));
        tvWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));

        // revoked at the backend, as from another wall-board: this one learns of it at its next check
        rest.post().uri("/api/kiosks/" + made.kiosk().id() + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .retrieve().toBodilessEntity().block(WAIT);
        Duration bound = CHECK_EVERY.plus(Duration.ofSeconds(5)).plus(Duration.ofSeconds(7));
        new WebDriverWait(tv, bound, Duration.ofMillis(100))
                .until(ExpectedConditions.urlToBe(wallboard("/kiosk-revoked")));
        assertThat(tv.findElement(By.id("revoked-note")).getText()).contains("revoked");
    }

    private static String referral(org.springframework.web.reactive.function.client.WebClient lead) {
        return lead.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(org.mashlive.TestReferrals.police()).retrieve()
                .bodyToMono(org.mashlive.referral.ReferralSummary.class).block(WAIT).reference();
    }

    private static long hire(org.springframework.web.reactive.function.client.WebClient lead, String name, String team) {
        return lead.post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new org.mashlive.staff.StaffDetails(name, org.mashlive.board.api.StaffRole.SOCIAL_WORKER,
                        team, org.mashlive.board.api.Contract.FULL_TIME, null))
                .retrieve().bodyToMono(org.mashlive.staff.Person.class).block(WAIT).id();
    }

    private static void allocate(org.springframework.web.reactive.function.client.WebClient lead, String reference,
                                 long staffId) {
        lead.put().uri("/api/referrals/" + reference + "/allocation").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("staffId", staffId, "confirm", true)).retrieve().toBodilessEntity()
                .block(WAIT);
    }

    @Test
    void aKioskBoundToATeamShowsOnlyThatTeamsReferralsAndSaysSoWhateverItsAddressAsks() {
        int backend = Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
        var lead = TestClients.web(backend);
        String ours = referral(lead);
        String theirs = referral(lead);
        String nobodys = referral(lead);
        allocate(lead, ours, hire(lead, "E. Helper", "Early help"));
        allocate(lead, theirs, hire(lead, "P. Officer", "MASH police"));
        var made = TestClients.web(backend, TestClients.demoUser("admin")).post().uri("/api/kiosks")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new NewKiosk("Early help TV", "Early help"))
                .retrieve().bodyToMono(CreatedKiosk.class).block(WAIT);

        var tvWait = new WebDriverWait(tv, WAIT, Duration.ofMillis(100));
        // the address asks for another team: the token decides
        tv.get(wallboard("/board?kiosk=" + made.token() + "&team=MASH%20police"));
        tvWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        tvWait.until(ExpectedConditions.textToBe(By.id("board-team"), "Team board: Early help"));
        tvWait.until(ExpectedConditions.textToBe(By.id("count-total-total"), "1"));
        tvWait.until(driver -> driver.getPageSource().contains(ours));
        assertThat(tv.getPageSource()).doesNotContain(theirs).doesNotContain(nobodys);
        assertThat(tv.findElement(By.id("board-hub-wide")).getText()).startsWith("Whole hub: ")
                .contains("not yet allocated");
    }
}
