package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashlive.Axe;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.Access;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.wallboard.shell.Pages;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

/**
 * Every role's way through the wall-board in headless chromium, through the real login page, on both
 * contexts started once by the launcher on the embedded demo: each opens every page it may (from the
 * header's navigation) and sees its figures or rows, is shown the app's "not allowed" page for the
 * others, the app's "not found" page for an address that is no page, and signs out. A kiosk screen
 * sees the board with no header and no way to sign out, and is refused every other page. And axe-core's
 * WCAG 2.2 A and AA rules find nothing on any of these pages at 1920x1080.
 */
class RolesBrowserIT {

    // a deadline, not a pause: room for a first page load on a busy machine
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static MashLive.Running app;
    private static String reference;
    // one browser for the class, as starting one is slow; each test begins with no cookies, signed out
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false");
        for (int i = 0; i < 2; i++) {
            var referral = TestClients.web(backendPort()).post().uri("/api/referrals")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(TestReferrals.police())
                    .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
            reference = referral.reference();
        }
        browser = Browser.start();
        // the page itself 1920x1080, as on the wall (a headless window keeps some height for itself)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
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

    @BeforeEach
    void signedOut() {
        browser.get(wallboard("/login"));
        browser.manage().deleteAllCookies();
    }

    static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static int backendPort() {
        return Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
    }

    /** The open referrals as the backend counts them. */
    private static int openReferrals() {
        return TestClients.web(backendPort()).get().uri("/api/referrals").retrieve()
                .bodyToFlux(ReferralSummary.class).collectList().block(WAIT).size();
    }

    /** Opens {@code path}, is sent to the login page, signs in there and lands back on {@code path}. */
    static void signIn(ChromeDriver browser, WebDriverWait wait, String path, String username) {
        browser.get(wallboard(path));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.id("login-hub")).getText()).isEqualTo("Stronger Families Hub");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo(path);
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private void showsTheBoardWithItsFigures() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        int open = openReferrals();
        assertThat(open).isGreaterThanOrEqualTo(2);
        wait.until(ExpectedConditions.textToBe(By.id("count-total-total"), Integer.toString(open)));
    }

    private void showsTheDutyQueueWithItsRows() {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='" + reference + "']")));
    }

    private void showsCapacityWithItsFigures() {
        var feed = app.wallboard().getBean(CapacityFeed.class);
        wait.until(driver -> feed.latest().isPresent());
        wait.until(driver -> text("capacity-open").equals(Integer.toString(feed.latest().orElseThrow().openNow())));
        assertThat(text("capacity-arrivals-today")).matches("\\d+");
        assertThat(browser.findElement(By.id("trend-arrivals")).getTagName()).isEqualTo("svg");
        // the trend line fills its tile: its axis is as wide as the drawing, which is as wide as the tile
        wait.until(driver -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const svg = document.getElementById('trend-arrivals');
                const axis = svg.querySelector('line.axis').getBoundingClientRect().width;
                const tile = svg.parentElement.getBoundingClientRect().width;
                return axis > 0.9 * tile && Math.abs(axis - svg.getBoundingClientRect().width) < 2;"""));
        assertThat(browser.findElement(By.id("grafana-mash-demand")).getAttribute("href"))
                .isEqualTo("http://localhost:3000/d/mash-demand");
    }

    private void showsContentOf(Pages page) {
        switch (page) {
            case BOARD -> showsTheBoardWithItsFigures();
            case DUTY -> showsTheDutyQueueWithItsRows();
            case CAPACITY -> showsCapacityWithItsFigures();
            case SIGN_OFF -> wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-off-count")));
            case INTAKE -> showsTheIntakeForm();
            case QUALITY -> wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("qa-summary"), "W"));
            case FEEDBACK -> wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-summary"),
                    "No feedback yet"));
            case KIOSKS -> wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kiosk-create")));
            case DISAGREEMENTS -> wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("esc-open-summary"), "open"));
        }
    }

    private void showsTheIntakeForm() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake-child-0-last")));
        assertThat(browser.findElement(By.id("intake-save")).getText()).isEqualTo("Take in");
    }

    private void isNotAllowed(Pages page, String whoMay) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-allowed")));
        assertThat(text("not-allowed-reason")).isEqualTo("The " + page.label() + " page is for " + whoMay + ".")
                .as("names the roles that may open it");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel", "Could not navigate");
    }

    static Stream<Arguments> people() {
        return Stream.of(
                Arguments.of("hub.manager", "Hub manager", List.of(Pages.BOARD, Pages.CAPACITY, Pages.QUALITY,
                        Pages.DISAGREEMENTS)),
                Arguments.of("duty.lead", "Duty lead", List.of(Pages.BOARD, Pages.DUTY, Pages.SIGN_OFF, Pages.INTAKE,
                        Pages.FEEDBACK, Pages.DISAGREEMENTS)),
                Arguments.of("service.head", "Service head", List.of(Pages.BOARD, Pages.CAPACITY)),
                Arguments.of("admin", "Admin", List.of(Pages.BOARD, Pages.DUTY, Pages.SIGN_OFF, Pages.INTAKE,
                        Pages.CAPACITY, Pages.QUALITY, Pages.FEEDBACK, Pages.DISAGREEMENTS, Pages.KIOSKS)),
                Arguments.of("front.door", "Front door", List.of(Pages.BOARD, Pages.INTAKE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void aPersonOpensEveryPageTheirRoleMayIsRefusedTheOthersAndSignsOut(String username, String role,
                                                                        List<Pages> may) {
        signIn(browser, wait, "/board", username);
        showsTheBoardWithItsFigures();
        assertThat(text("shell-hub")).isEqualTo("Stronger Families Hub");
        assertThat(text("shell-person")).isEqualTo(username);
        assertThat(text("shell-role")).isEqualTo(role);
        assertThat(browser.findElements(By.cssSelector("#shell-nav a"))).extracting(link -> link.getText())
                .containsExactlyElementsOf(may.stream().map(Pages::label).toList());

        // each page it may open, from the header, inside the app
        for (var page : may) {
            browser.findElement(By.id("nav-" + page.path())).click();
            wait.until(ExpectedConditions.urlToBe(wallboard("/" + page.path())));
            wait.until(ExpectedConditions.attributeToBe(By.id("nav-" + page.path()), "aria-current", "page"));
            showsContentOf(page);
        }

        // the others, by their address
        if (!may.contains(Pages.DUTY)) {
            browser.get(wallboard("/duty"));
            isNotAllowed(Pages.DUTY, "duty leads or admins");
            assertThat(text("not-allowed-who")).contains(username, role);
        }
        if (!may.contains(Pages.CAPACITY)) {
            browser.get(wallboard("/capacity"));
            isNotAllowed(Pages.CAPACITY, "service heads, hub managers or admins");
        }
        if (!may.contains(Pages.INTAKE)) {
            browser.get(wallboard("/intake"));
            isNotAllowed(Pages.INTAKE, "front-door workers, duty leads or admins");
        }
        if (!may.contains(Pages.DISAGREEMENTS)) {
            browser.get(wallboard("/disagreements"));
            isNotAllowed(Pages.DISAGREEMENTS, "hub managers, duty leads or admins");
        }
        if (!may.contains(Pages.KIOSKS)) {
            browser.get(wallboard("/admin/kiosks"));
            isNotAllowed(Pages.KIOSKS, "admins");
        }
        // the header stays, with its way back
        assertThat(text("shell-person")).isEqualTo(username);

        browser.get(wallboard("/no-such-page"));
        assertThat(text("not-found-reason")).startsWith("There is no page at /no-such-page.");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel", "Could not navigate");

        // signing out leaves on the login page, and every page asks to sign in again
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        assertThat(text("signed-out")).as("the login page says the sign-out worked").isEqualTo("You have signed out.");
        for (var page : may) {
            browser.get(wallboard("/" + page.path()));
            wait.until(ExpectedConditions.urlContains("/login"));
            assertThat(browser.findElements(By.id("username"))).as(page.path()).hasSize(1);
        }
    }

    @Test
    void aKioskScreenSeesTheBoardWithoutAHeaderAndIsRefusedEveryOtherPage() {
        browser.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        showsTheBoardWithItsFigures();
        assertThat(browser.findElements(By.id("shell-header"))).isEmpty();
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();

        browser.get(wallboard("/duty"));
        isNotAllowed(Pages.DUTY, "duty leads or admins");
        browser.get(wallboard("/capacity"));
        isNotAllowed(Pages.CAPACITY, "service heads, hub managers or admins");
        browser.get(wallboard("/intake"));
        isNotAllowed(Pages.INTAKE, "front-door workers, duty leads or admins");
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();

        // and the board is still its own
        browser.get(wallboard("/board"));
        showsTheBoardWithItsFigures();
    }

    @Test
    void aWrongPasswordSaysSoOnTheLoginPage() {
        browser.get(wallboard("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("hub.manager");
        browser.findElement(By.id("password")).sendKeys("not-the-password", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(text("login-error")).contains("did not match");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEmpty();
    }

    // ---- WCAG 2.2 A and AA (axe-core) on every page at 1920x1080

    private void noViolations(String page) {
        assertThat(browser.executeScript("return [window.innerWidth, window.innerHeight];"))
                .isEqualTo(List.of(1920L, 1080L));
        assertThat(Axe.violations(browser)).as(page).isEmpty();
    }

    /** With {@code -Dmash.screenshots=docs}, keeps what the browser shows there as {@code name}. */
    private void screenshot(String name) throws java.io.IOException {
        String dir = System.getProperty("mash.screenshots");
        if (dir != null) {
            byte[] png = browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(java.nio.file.Path.of(dir, name), png);
        }
    }

    @Test
    void theLoginPagePassesAxe() throws Exception {
        browser.get(wallboard("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        noViolations("login");
        screenshot("login.png");
        browser.get(wallboard("/login?error"));
        text("login-error");
        noViolations("login after a wrong password");
    }

    @Test
    void theKioskBoardAndItsRefusalPassAxe() {
        browser.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        showsTheBoardWithItsFigures();
        noViolations("board on a kiosk");
        browser.get(wallboard("/duty"));
        text("not-allowed-reason");
        noViolations("not allowed, kiosk");
    }

    @Test
    void theBoardSignedInPassesAxe() {
        signIn(browser, wait, "/board", "admin");
        showsTheBoardWithItsFigures();
        noViolations("board signed in");
    }

    @Test
    void theDutyViewPassesAxe() {
        signIn(browser, wait, "/duty", "admin");
        showsTheDutyQueueWithItsRows();
        noViolations("duty");
    }

    @Test
    void theIntakeViewPassesAxe() {
        signIn(browser, wait, "/intake", "front.door");
        showsTheIntakeForm();
        noViolations("intake");
    }

    @Test
    void theCapacityViewPassesAxe() throws Exception {
        signIn(browser, wait, "/capacity", "service.head");
        showsCapacityWithItsFigures();
        noViolations("capacity");
        screenshot("capacity.png");
    }

    @Test
    void theNotAllowedAndNotFoundPagesPassAxe() {
        signIn(browser, wait, "/board", "hub.manager");
        browser.get(wallboard("/duty"));
        text("not-allowed-reason");
        noViolations("not allowed");
        browser.get(wallboard("/no-such-page"));
        text("not-found-reason");
        noViolations("not found");
    }
}
