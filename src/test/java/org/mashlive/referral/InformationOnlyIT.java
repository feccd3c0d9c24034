package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * Contacts for information only, on the real database: taken in and counted apart, never open, so in
 * no queue and never breaching, and refused any screening step with words that say why.
 */
@BackendTest
class InformationOnlyIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry registry;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private BoardSnapshot snapshot() {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.BOARD);
        opened.add(requester);
        return requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT);
    }

    private static String contact(String externalRef, boolean informationOnly) {
        return """
                {"externalRef": "%s", "channel": "EMAIL", "source": "BORDER_FORCE",
                 "child": {"firstName": "Info", "lastName": "Only", "dateOfBirth": "2012-02-03"},
                 "concern": "For your records: the family arrived at the port and were met by the local team.",
                 "informationOnly": %s}""".formatted(externalRef, informationOnly);
    }

    /** The status and body (with its content type first) of a request that may be refused. */
    private Map.Entry<Integer, String> send(String method, String uri, String body) {
        return TestClients.web(httpPort, TestClients.demoUser("duty.lead")).method(
                        org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> Map.entry(response.statusCode().value(),
                                response.headers().contentType().map(Object::toString).orElse("") + " " + text)))
                .block(WAIT);
    }

    private double counted() {
        var counter = registry.find("mash.referrals.received.information.only").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aContactForInformationOnlyIsCountedApartAndNeverWaitsForADecision() {
        var before = snapshot();
        double countedBefore = counted();
        String ref = "BF-INFO-" + System.nanoTime();
        var taken = send("POST", "/api/referrals", contact(ref, true));
        assertThat(taken.getKey()).isEqualTo(201);
        var referral = TestClients.web(httpPort).get().uri("/api/referrals/" + "{ref}",
                        taken.getValue().replaceAll("(?s).*\"reference\":\"(MASH-[0-9-]+)\".*", "$1"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        assertThat(referral.stage()).isEqualTo(Stage.INFORMATION_ONLY);

        var open = TestClients.web(httpPort).get().uri("/api/referrals").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<ReferralSummary>>() { }).block(WAIT);
        assertThat(open).extracting(ReferralSummary::reference).doesNotContain(referral.reference());
        var after = snapshot();
        assertThat(after.open()).extracting(ReferralCard::reference).as("in no queue, so never breaching")
                .doesNotContain(referral.reference());
        assertThat(after.informationOnlyArrivals()).isEqualTo(before.informationOnlyArrivals() + 1);
        assertThat(after.arrivals().getOrDefault(Source.BORDER_FORCE, 0))
                .as("still a contact of the day").isEqualTo(before.arrivals().getOrDefault(Source.BORDER_FORCE, 0) + 1);
        await().atMost(WAIT).until(() -> counted() == countedBefore + 1);

        // no screening step applies, and the refusal says why
        var rated = send("PUT", "/api/referrals/" + referral.reference() + "/rag",
                "{\"rag\": \"RED\", \"reason\": \"on second thoughts\"}");
        assertThat(rated.getKey()).isEqualTo(409);
        assertThat(rated.getValue()).startsWith("application/problem+json")
                .contains(referral.reference() + " was taken in for information only and needs no decision");
        var decided = send("POST", "/api/referrals/" + referral.reference() + "/decision", """
                {"outcome": "NO_FURTHER_ACTION", "rationale": "Nothing to do", "threshold": "Universal",
                 "nextStep": "NO_FURTHER_ACTION"}""");
        assertThat(decided.getKey()).isEqualTo(409);

        // the same contact again is the same contact; as one that needs a decision it is another
        assertThat(send("POST", "/api/referrals", contact(ref, true)).getKey()).isEqualTo(200);
        var other = send("POST", "/api/referrals", contact(ref, false));
        assertThat(other.getKey()).isEqualTo(409);
        assertThat(other.getValue()).contains("\"fields\":[\"informationOnly\"]");
        assertThat(snapshot().informationOnlyArrivals()).isEqualTo(before.informationOnlyArrivals() + 1);
    }

    @Test
    void aContactThatSaysNothingOfItNeedsADecisionAsBefore() {
        var taken = send("POST", "/api/referrals", contact("BF-DECIDE-" + System.nanoTime(), false));
        assertThat(taken.getKey()).isEqualTo(201);
        assertThat(taken.getValue()).contains("\"stage\":\"RECEIVED\"");
    }
}
