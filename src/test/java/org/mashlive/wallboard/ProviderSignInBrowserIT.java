package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Signing in to the wall-board through a real OpenID provider started here, in headless chromium:
 * the provider's own login page (mock-oauth2-server's, whose form takes the person's claims as JSON),
 * the authorization code flow with PKCE back to the wall-board, the roles from the {@code groups}
 * claim as the backend maps them, a person with no mapped role refused on a page that says so, the
 * sign-out at the provider's end-session endpoint, and the audit trail of a duty action naming the
 * person as the provider does. The demo users stay beside it.
 */
class ProviderSignInBrowserIT {

    private static final String ISSUER = "council";
    private static final String AUDIENCE = "api://mash-live";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static MockOAuth2Server provider;
    private static MashLive.Running app;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() {
        // the provider's own login form; its access tokens carry the backend's audience, as Entra ID's do
        // for a scope of MASH Live's API
        provider = new MockOAuth2Server(new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(),
                Set.of(new DefaultOAuth2TokenCallback(ISSUER, "unused", "JWT", List.of(AUDIENCE), Map.of(), 3600))));
        provider.start();
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false",
                "--mash.security.oidc.issuer-uri=" + provider.issuerUrl(ISSUER),
                "--mash.security.oidc.audience=" + AUDIENCE,
                "--mash.security.oidc.roles-claim=groups",
                "--mash.security.oidc.role-mapping.mash-duty-leads=DUTY_LEAD",
                "--mash.security.oidc.client-id=mash-live-wallboard",
                "--mash.security.oidc.client-secret=wallboard-secret",
                "--mash.security.oidc.name=Council account");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static int backendPort() {
        return Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
    }

    /** Opens {@code path}, takes the provider's button on the login page and signs in there with {@code claims}. */
    private void signInAtTheProvider(String path, String subject, String claims) {
        browser.get(wallboard(path));
        wait.until(ExpectedConditions.urlContains("/login"));
        // the demo's users keep the form beside the provider's button
        assertThat(browser.findElements(By.cssSelector("input[name='password']"))).isNotEmpty();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-provider"))).click();

        // the provider's own page
        wait.until(ExpectedConditions.urlContains(provider.baseUrl().toString()));
        assertThat(browser.getCurrentUrl()).contains("code_challenge=").contains("code_challenge_method=S256");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(subject);
        browser.findElement(By.cssSelector("textarea[name='claims']")).sendKeys(claims);
        browser.findElement(By.cssSelector("input[type='submit']")).click();
    }

    private static String claims(String username, String name, String... groups) {
        return """
                {"preferred_username": "%s", "name": "%s", "groups": [%s]}"""
                .formatted(username, name, String.join(", ", java.util.Arrays.stream(groups)
                        .map(group -> "\"" + group + "\"").toList()));
    }

    private static boolean notified(ChromeDriver browser, String text) {
        Object found = browser.executeScript("""
                return Array.from(document.querySelectorAll('vaadin-notification-card'))
                    .some(card => card.textContent.includes(arguments[0]));""", text);
        return Boolean.TRUE.equals(found);
    }

    private void choose(String id, String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        var item = By.xpath("//vaadin-select-item[normalize-space()='" + label + "']");
        wait.until(driver -> driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), label));
    }

    @Test
    void aDutyLeadSignsInAtTheProviderActsInTheDutyViewAndTheAuditNamesThem() {
        var referral = TestClients.web(backendPort()).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("OIDC-BROWSER-1", "Morwenna", "Trelawney", "2015-03-04"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        String ref = referral.reference();

        signInAtTheProvider("/duty", "sub-jo-okafor", claims("j.okafor@council.example", "Jo Okafor",
                "all-staff", "mash-duty-leads"));

        // back at the page asked for, as a duty lead, named as the provider names them
        wait.until(ExpectedConditions.urlContains(wallboard("/duty")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("duty-queue")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shell-person"), "Jo Okafor"));
        assertThat(browser.findElement(By.id("shell-role")).getText()).isEqualTo("Duty lead");

        // an action in the duty view, done as them
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='" + ref + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-facts"), "Morwenna Trelawney"));
        choose("duty-rag-choice", "Red");
        browser.findElement(By.cssSelector("#duty-rag-reason input")).sendKeys("Weapon mentioned in the police log");
        browser.findElement(By.id("duty-rate")).click();
        wait.until(driver -> notified(browser, ref + " rated Red"));

        var trail = TestClients.web(backendPort(), TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).extracting(entry -> entry.action() + " by " + entry.actor())
                .contains("DETAIL_VIEWED by j.okafor@council.example", "RAG_CHANGED by j.okafor@council.example");
        var named = app.backend().getBean(AuditTrail.class).people(List.of("j.okafor@council.example")).block(WAIT);
        assertThat(named.get("j.okafor@council.example").label()).isEqualTo("Jo Okafor (duty lead)");
    }

    @Test
    void aPersonWithNoMappedGroupIsToldSoAndNotSentRoundAgain() {
        signInAtTheProvider("/board", "sub-kim-reed", claims("k.reed@council.example", "Kim Reed",
                "all-staff", "finance"));

        wait.until(ExpectedConditions.urlToBe(wallboard("/login/refused")));
        assertThat(browser.findElement(By.id("refused-title")).getText())
                .as(browser.findElement(By.id("refused-reason")).getText()).isEqualTo("No MASH Live role");
        assertThat(browser.findElement(By.id("refused-reason")).getText())
                .startsWith("Kim Reed signed in with Council account, but that account holds no MASH Live role")
                .contains("Ask the council's identity administrator to add you to a MASH Live group");
        // not signed in here: the board still sends the browser to the login page
        browser.get(wallboard("/board"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.id("live-indicator"))).isEmpty();
    }

    @Test
    void signingOutEndsTheProvidersSessionAndComesBackToTheLoginPage() {
        signInAtTheProvider("/duty", "sub-sam-lee", claims("s.lee@council.example", "Sam Lee", "mash-duty-leads"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("duty-queue")));
        drain();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlContains(wallboard("/login?logout")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));

        // the browser passed through the provider's end-session endpoint, with the ID token as the hint
        // and the way back to the login page
        RecordedRequest endSession = null;
        for (RecordedRequest seen = next(10); seen != null; seen = next(1)) {
            if (seen.getPath().startsWith("/" + ISSUER + "/endsession")) {
                endSession = seen;
                break;
            }
        }
        assertThat(endSession).as("a request to the provider's end-session endpoint").isNotNull();
        assertThat(endSession.getRequestUrl().queryParameter("id_token_hint")).isNotBlank();
        assertThat(endSession.getRequestUrl().queryParameter("post_logout_redirect_uri"))
                .isEqualTo(wallboard("/login?logout"));

        // and is signed out here
        browser.get(wallboard("/duty"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** Forgets the provider's requests so far, so that those of the step under test are the ones read. */
    private static void drain() {
        while (next(0) != null) {
            // earlier requests: discovery, keys, the sign-in itself
        }
    }

    /** The provider's next request within {@code seconds}, or null when none comes. */
    private static RecordedRequest next(int seconds) {
        try {
            return provider.takeRequest(seconds == 0 ? 200 : seconds * 1000L, TimeUnit.MILLISECONDS);
        } catch (RuntimeException none) {
            // the provider says "no request within the time" by throwing
            return null;
        }
    }
}
