package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Attacks a page on another site can make from a real browser, in headless chromium against both
 * contexts started by the launcher: the attacker's pages are served from {@code 127.0.0.1} on a port
 * of their own, the product from {@code localhost}, so the two are different sites. Also: the
 * wall-board's Content-Security-Policy lets the board run, and its headers as a TLS proxy's
 * deployment sees them (forwarded headers are switched on here).
 */
class CrossSiteBrowserIT {

    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static MashLive.Running app;
    private static HttpServer attacker;
    private static final Map<String, String> attackerPages = new ConcurrentHashMap<>();

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false", "--server.forward-headers-strategy=native");
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] page = attackerPages.getOrDefault(exchange.getRequestURI().getPath(), "")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    static void stop() {
        if (attacker != null) {
            attacker.stop(0);
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static int backendPort() {
        return Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    /** A page on the attacker's site that posts {@code fields} to {@code action} as soon as it loads. */
    private static String attackerPage(String name, String action, Map<String, String> fields) {
        var inputs = new StringBuilder();
        fields.forEach((field, value) -> inputs.append("<input type='hidden' name='").append(field)
                .append("' value='").append(value).append("'>"));
        attackerPages.put("/" + name, "<!doctype html><html><body><form id='f' method='post' action='" + action + "'>"
                + inputs + "</form><script>document.getElementById('f').submit();</script></body></html>");
        return "http://127.0.0.1:" + attacker.getAddress().getPort() + "/" + name;
    }

    private long newPerson() {
        var person = TestClients.webTest(backendPort()).post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"displayName": "B. Rowser", "role": "SOCIAL_WORKER", "team": "MASH", "contract": "FULL_TIME"}""")
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return ((Number) person.get("id")).longValue();
    }

    private boolean active(long id) {
        var everyone = TestClients.webTest(backendPort()).get().uri("/api/staff?all=true").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        return everyone.stream().filter(person -> ((Number) person.get("id")).longValue() == id)
                .map(person -> (Boolean) person.get("active")).findFirst().orElseThrow();
    }

    @Test
    void aFormOnAnotherSiteCannotEndSomeonesEmploymentWithTheBrowsersCredentials() {
        long id = newPerson();
        String api = "http://localhost:" + backendPort();
        // the duty lead has used the API in this browser: credentials in the address, as a bookmark would
        // hold them, which a browser keeps for the host once the server asks for them
        browser.get("http://duty.lead:" + Access.DEMO_PASSWORD + "@localhost:" + backendPort() + "/api/staff");

        browser.get(attackerPage("end", api + "/api/staff/" + id + "/end-employment", Map.of()));
        wait.until(ExpectedConditions.urlContains("/end-employment"));
        wait.until(driver -> browser.findElement(By.tagName("body")).getText().contains("\"status\""));

        assertThat(browser.findElement(By.tagName("body")).getText()).containsAnyOf("\"status\":401", "\"status\":403");
        assertThat(active(id)).as("still employed").isTrue();
    }

    @Test
    void aFormOnAnotherSiteCannotSignTheBrowserInToTheWallboard() {
        // login CSRF: the attacker signs the victim's browser in as an account of the attacker's choosing
        browser.get(attackerPage("login", wallboard("/login"),
                Map.of("username", "duty.lead", "password", Access.DEMO_PASSWORD)));
        wait.until(ExpectedConditions.urlContains(wallboard("/")));

        browser.get(wallboard("/duty"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        assertThat(browser.findElements(By.id("duty-view"))).isEmpty();
    }

    @Test
    void theBoardRunsUnderItsContentSecurityPolicyWithoutAViolation() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""));
        browser.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));

        assertThat(browser.executeScript("return window.cspViolations;")).asList().isEmpty();
    }

    @Test
    void theWallboardSendsItsPolicyAndALaxSessionCookie() throws Exception {
        var login = http.send(HttpRequest.newBuilder(URI.create(wallboard("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValue(WallboardSecurity.CONTENT_SECURITY_POLICY);
        assertThat(WallboardSecurity.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "form-action 'self'",
                "default-src 'self'");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax", "HttpOnly"));
    }

    @Test
    void behindATlsProxyTheWallboardRedirectsToTheAddressThePersonUsed() throws Exception {
        var board = http.send(HttpRequest.newBuilder(URI.create(wallboard("/board")))
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "board.mash.example").build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(board.statusCode()).isEqualTo(302);
        assertThat(board.headers().firstValue("Location")).hasValue("https://board.mash.example/login");
    }
}
