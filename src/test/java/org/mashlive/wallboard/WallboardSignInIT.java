package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;

/**
 * The wall-board's doors over plain HTTP, with both contexts started by the launcher on the
 * embedded demo: the kiosk token opens the board and nothing else, a wrong or revoked token is
 * refused, and without credentials the board sends the browser to the login page.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WallboardSignInIT {

    @TempDir
    static Path dir;

    private static Path tokensFile;
    private static MashLive.Running app;
    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        tokensFile = dir.resolve("kiosk-tokens.txt");
        Files.writeString(tokensFile, "# one token a line\ntv-reception\ntv-duty-room\n");
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false", "--mash.kiosk.tokens-file=" + tokensFile);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String kioskCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(KioskFilter.COOKIE + "="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no kiosk cookie in " + response.headers()));
    }

    @Test
    void withoutCredentialsTheBoardSendsTheBrowserToTheLoginPage() throws Exception {
        var board = get(wallboard("/board"), null);
        assertThat(board.statusCode()).isEqualTo(302);
        assertThat(board.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(get(wallboard("/login"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessSwitchedOn() throws Exception {
        // a client could otherwise claim any scheme or host: only a deployment behind a proxy trusts them
        var board = http.send(HttpRequest.newBuilder(URI.create(wallboard("/board")))
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(board.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .startsWith("http://localhost:").endsWith("/login"));
    }

    @Test
    void theDemoKioskTokenOpensTheBoardAndNothingElse() throws Exception {
        var board = get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN), null);
        assertThat(board.statusCode()).isEqualTo(200);
        String cookie = kioskCookie(board);
        assertThat(board.headers().allValues("Set-Cookie")).anySatisfy(value ->
                assertThat(value).startsWith(KioskFilter.COOKIE).contains("HttpOnly", "SameSite=Strict"));

        // the cookie alone keeps the screen signed in, as Vaadin's own requests carry no token
        assertThat(get(wallboard("/board"), cookie).statusCode()).isEqualTo(200);

        for (String elsewhere : new String[] {"/duty", "/capacity", "/api/referrals", "/actuator/env", "/other"}) {
            assertThat(get(wallboard(elsewhere + "?kiosk=" + Access.DEMO_KIOSK_TOKEN), null).statusCode())
                    .as(elsewhere).isEqualTo(403);
            assertThat(get(wallboard(elsewhere), cookie).statusCode()).as(elsewhere + " by cookie").isEqualTo(403);
        }
    }

    @Test
    void aRefusalIsTheAppsOwnPageNamingTheRolesNeeded() throws Exception {
        var refused = get(wallboard("/duty?kiosk=" + Access.DEMO_KIOSK_TOKEN), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("<html lang=\"en-GB\">", "<h1>Not allowed</h1>",
                "The Duty queue page is for duty leads or admins.").doesNotContain("Whitelabel", "Exception");

        var failed = get(wallboard("/error"), null);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("<h1>Something went wrong</h1>").doesNotContain("Whitelabel");
    }

    @Test
    void theLoginPageIsWrittenOnTheServerWithTheProductAndTheHub() throws Exception {
        var login = get(wallboard("/login"), null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("MASH Live", "<h1 class=\"login-hub\" id=\"login-hub\">Stronger Families Hub</h1>",
                "name=\"username\"", "name=\"password\"", "action=\"/login\"").doesNotContain("<script");
    }

    @Test
    void theLoginPageSaysSoAfterASignOutAndIsOpenWhateverItsQuery() throws Exception {
        var signedOut = get(wallboard("/login?logout"), null);
        assertThat(signedOut.statusCode()).as("where a sign-out lands").isEqualTo(200);
        assertThat(signedOut.body()).contains("id=\"signed-out\"", "You have signed out.");
        var other = get(wallboard("/login?from=bookmark"), null);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).doesNotContain("signed-out", "login-error");
    }

    @Test
    void aKioskTokenIsNoCredentialOfTheBackend() throws Exception {
        int backend = Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
        TestClients.webTest(backend, new TestClients.User("kiosk", Access.DEMO_KIOSK_TOKEN)).get()
                .uri("/api/referrals").exchange().expectStatus().isUnauthorized();
        TestClients.webTest(backend, TestClients.NOBODY).get().uri("/api/referrals")
                .header("Authorization", "Bearer " + Access.DEMO_KIOSK_TOKEN).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        var wrong = get(wallboard("/board?kiosk=not-a-kiosk-token"), null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(value -> value.startsWith(KioskFilter.COOKIE));
        assertThat(get(wallboard("/board"), KioskFilter.COOKIE + "=not-a-kiosk-token").statusCode()).isEqualTo(302);
    }

    @Test
    void aTokenStruckFromTheFileIsRefusedAtTheNextRequest() throws Exception {
        var board = get(wallboard("/board?kiosk=tv-duty-room"), null);
        assertThat(board.statusCode()).isEqualTo(200);
        String cookie = kioskCookie(board);
        assertThat(get(wallboard("/board"), cookie).statusCode()).isEqualTo(200);

        Files.writeString(tokensFile, "tv-reception\n");

        var afterwards = get(wallboard("/board"), cookie);
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().allValues("Set-Cookie"))
                .anySatisfy(value -> assertThat(value).startsWith(KioskFilter.COOKIE + "=;").contains("Max-Age=0"));
        assertThat(get(wallboard("/board?kiosk=tv-duty-room"), null).statusCode()).isEqualTo(401);
        assertThat(get(wallboard("/board?kiosk=tv-reception"), null).statusCode()).isEqualTo(200);
    }

    /** A browser's session on the login page: its cookie and the CSRF token the page carries. */
    private record LoginPage(String cookie, String token) {
    }

    private static LoginPage loginPage() throws Exception {
        var page = get(wallboard("/login"), null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        var token = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).as("the login page's form carries a CSRF token").isTrue();
        return new LoginPage(cookie, token.group(1));
    }

    private static HttpResponse<String> postLogin(String cookie, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(wallboard("/login"))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionAfter(HttpResponse<?> response, String before) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElse(before);
    }

    @Test
    void signingInNeedsTheLoginPagesCsrfToken() throws Exception {
        var page = loginPage();
        String credentials = "username=duty.lead&password=" + Access.DEMO_PASSWORD;

        var forged = postLogin(page.cookie(), credentials);
        assertThat(forged.statusCode()).isEqualTo(403);
        var withoutSession = postLogin(null, credentials);
        assertThat(withoutSession.statusCode()).isEqualTo(403);
        assertThat(get(wallboard("/duty"), sessionAfter(withoutSession, page.cookie())).statusCode())
                .as("not signed in").isEqualTo(302);

        var signedIn = postLogin(page.cookie(), credentials + "&_csrf=" + page.token());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(get(wallboard("/duty"), sessionAfter(signedIn, page.cookie())).statusCode()).isEqualTo(200);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // it locks this machine's address for a minute: last
    void theSixthWrongPasswordInAMinuteLocksTheLoginPageForThatAccount() throws Exception {
        var meters = app.wallboard().getBean(io.micrometer.core.instrument.MeterRegistry.class);
        var throttled = meters.get(ThrottledLogin.METER).tag("door", "login").tag("reason", "throttled").counter();
        double before = throttled.count();
        var page = loginPage();
        for (int i = 0; i < 5; i++) {
            var wrong = postLogin(page.cookie(), "username=service.head&password=guess-" + i + "&_csrf=" + page.token());
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        }

        var right = postLogin(page.cookie(), "username=service.head&password=" + Access.DEMO_PASSWORD
                + "&_csrf=" + page.token());

        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(throttled.count() - before).isEqualTo(1);
    }
}
