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
}
