package org.mashlive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashlive.board.api.Access;
import org.mashlive.referral.ReferralSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The backend stops and comes back while a wall-board is open in chromium: the board says it is
 * stale, then recovers by itself, and its figures match the database again. And the front-door
 * report, read from the database, says the same before and after a restart.
 */
class BackendRestartIT {

    @TempDir
    Path data;

    private MashLive.Running backend;
    private MashLive.Running wallboard;
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (wallboard != null) {
            wallboard.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    /**
     * The first start binds ports the system chooses; a restart binds the same two again. (Ports
     * picked by the test beforehand could be equal to each other, or taken by the time the backend
     * binds them.)
     */
    private record Ports(int http, int rsocket) {
        static Ports of(MashLive.Running running) {
            var environment = running.backend().getEnvironment();
            return new Ports(Integer.parseInt(environment.getProperty("local.server.port")),
                    Integer.parseInt(environment.getProperty("local.rsocket.server.port")));
        }
    }

    private MashLive.Running startBackend(int http, int rsocket) {
        return MashLive.start("--mash.role=backend", "--mash.backend.port=" + http, "--mash.rsocket.port=" + rsocket,
                "--mash.simulation.enabled=false", "--mash.embedded.data-directory=" + data);
    }

    private static ReferralSummary post(WebClient api) {
        return api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class)
                .block(Duration.ofSeconds(10));
    }

    private static int openInDatabase(WebClient api) {
        List<ReferralSummary> open = api.get().uri("/api/referrals").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<ReferralSummary>>() { })
                .block(Duration.ofSeconds(10));
        return open.size();
    }

    @Test
    void theBoardSaysItIsStaleWhileTheBackendIsDownAndRecoversWithMatchingCounts() {
        backend = startBackend(0, 0);
        var ports = Ports.of(backend);
        var api = TestClients.web(ports.http());
        wallboard = MashLive.start("--mash.role=wallboard", "--mash.wallboard.port=0",
                "--mash.wallboard.backend.rsocket-port=" + ports.rsocket());
        post(api);
        post(api);

        browser = Browser.start();
        browser.get("http://localhost:" + wallboard.wallboard().getEnvironment().getProperty("local.server.port")
                + "/board?kiosk=" + Access.DEMO_KIOSK_TOKEN);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        wait.until(ExpectedConditions.attributeToBe(By.id("count-total-total"), "textContent",
                String.valueOf(openInDatabase(api))));
        assertThat(browser.findElement(By.id("live-indicator")).getText()).contains("LIVE");

        backend.close();
        backend = null;
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "STALE since"));

        backend = startBackend(ports.http(), ports.rsocket());
        var third = post(api);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticker"), third.reference()));
        int open = openInDatabase(api);
        assertThat(open).isEqualTo(3);
        wait.until(ExpectedConditions.attributeToBe(By.id("count-total-total"), "textContent", String.valueOf(open)));
        assertThat(browser.findElement(By.id("live-indicator")).getText()).doesNotContain("STALE");
    }
    private static String report(WebClient api, java.time.LocalDate day) {
        return api.get().uri("/api/reports/front-door?from={d}&to={d}", day, day).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
    }

    private static void send(WebClient api, String uri, String reference, String body) {
        var spec = api.post().uri(uri, reference).contentType(MediaType.APPLICATION_JSON);
        (body == null ? spec : spec.bodyValue(body)).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
    }

    @Test
    void theFrontDoorReportIsTheSameAfterARestart() {
        backend = startBackend(0, 0);
        var ports = Ports.of(backend);
        var lead = TestClients.web(ports.http(), TestClients.demoUser("duty.lead"));
        var otherLead = TestClients.web(ports.http(), TestClients.demoUser("duty.lead2"));
        var head = TestClients.web(ports.http(), TestClients.demoUser("service.head"));
        String decision = """
                {"outcome": "%s", "rationale": "Seen together with the school's concerns.",
                 "threshold": "child in need", "nextStep": "ASSESSMENT"}""";
        // one decided and signed off, one returned, one awaiting sign-off, one open
        String signedOff = post(lead).reference();
        send(lead, "/api/referrals/{ref}/decision", signedOff, decision.formatted("ASSESSMENT_S17"));
        send(otherLead, "/api/referrals/{ref}/decision/sign-off", signedOff, null);
        String returned = post(lead).reference();
        send(lead, "/api/referrals/{ref}/decision", returned, decision.formatted("ASSESSMENT_S17"));
        send(otherLead, "/api/referrals/{ref}/decision/return", returned, "{\"reason\": \"Speak to the school first\"}");
        String waiting = post(lead).reference();
        send(lead, "/api/referrals/{ref}/decision", waiting, decision.formatted("ASSESSMENT_S17"));
        post(lead);
        var today = java.time.LocalDate.now(TestZone.LONDON);

        String before = report(head, today);
        assertThat(before).contains("\"contacts\":4", "\"signedOff\":1", "\"returnedDecisions\":1");

        backend.close();
        backend = null;
        backend = startBackend(ports.http(), ports.rsocket());
        assertThat(report(head, today)).isEqualTo(before);
    }
}
