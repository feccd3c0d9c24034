package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rsocket.exceptions.CustomRSocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.mashlive.referral.api.SignOffRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Decisions with management oversight over the REST API and RSocket, on the real database: a decision
 * that needs sign-off keeps the referral open until a different lead authorises it; one's own is refused
 * with 409 naming the rule; a return reopens it with the reason; concurrent sign-offs, exactly one wins;
 * every step is in the trail with the person's display name and role.
 */
@BackendTest
class DecisionsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TestClients.User LEAD = TestClients.demoUser("duty.lead");
    private static final TestClients.User LEAD2 = TestClients.demoUser("duty.lead2");
    private static final TestClients.User ADMIN = TestClients.demoUser("admin");

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private WebClient as(TestClients.Identity who) {
        return TestClients.web(httpPort, who);
    }

    private String newReferral() {
        var created = as(LEAD).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        return created.reference();
    }

    private static String decision(String outcome) {
        return """
                {"outcome": "%s", "rationale": "Father's new partner has a conviction for violence; the child is 4.",
                 "threshold": "child in need", "nextStep": "ASSESSMENT", "receivingTeam": "Assessment Team North"}"""
                .formatted(outcome);
    }

    private WebClient.ResponseSpec post(TestClients.Identity who, String uri, String reference, String body) {
        var spec = as(who).post().uri(uri, reference).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? spec : spec.bodyValue(body)).retrieve();
    }

    private ReferralSummary decide(TestClients.Identity who, String reference, String outcome) {
        return post(who, "/api/referrals/{ref}/decision", reference, decision(outcome))
                .bodyToMono(ReferralSummary.class).block(WAIT);
    }

    /** The status and body of a request that may be refused. */
    private Map.Entry<Integer, String> attempt(TestClients.Identity who, String uri, String reference, String body) {
        var spec = as(who).post().uri(uri, reference).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? spec : spec.bodyValue(body))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> Map.entry(response.statusCode().value(),
                                response.headers().contentType().map(Object::toString).orElse("") + " " + text)))
                .block(WAIT);
    }

    private ReferralSummary one(String reference) {
        return as(LEAD).get().uri("/api/referrals/{ref}", reference).retrieve().bodyToMono(ReferralSummary.class)
                .block(WAIT);
    }

    private List<Map<String, Object>> trail(String reference) {
        return as(TestClients.demoUser("hub.manager")).get().uri("/api/referrals/{ref}/audit", reference).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).block(WAIT);
    }

    private static List<String> whoDidWhat(List<Map<String, Object>> trail) {
        return trail.stream().filter(e -> !"DETAIL_VIEWED".equals(e.get("action")))
                .map(e -> e.get("action") + " by " + e.get("actorName") + " (" + e.get("actorRole") + ")").toList();
    }

    @Test
    void aDecisionNeedingSignOffStaysOpenUntilADifferentLeadAuthorisesIt() {
        String ref = newReferral();

        var decided = decide(LEAD, ref, "EARLY_HELP");
        assertThat(decided.stage()).isEqualTo(Stage.AWAITING_DECISION);
        assertThat(decided.outcome()).isNull();
        assertThat(decided.awaitingSignOffSince()).isNotNull();

        var own = attempt(LEAD, "/api/referrals/{ref}/decision/sign-off", ref, null);
        assertThat(own.getKey()).isEqualTo(409);
        assertThat(own.getValue()).startsWith("application/problem+json")
                .contains("A decision is signed off by a different duty lead or administrator")
                .contains("\"rule\":\"NOT_YOUR_OWN\"");
        assertThat(one(ref).stage().open()).as("refused sign-off changes nothing").isTrue();

        var queue = as(LEAD2).get().uri("/api/decisions/awaiting-sign-off").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AwaitingSignOff>>() { }).block(WAIT);
        var waiting = queue.stream().filter(q -> q.reference().equals(ref)).findFirst().orElseThrow();
        assertThat(waiting.outcome()).isEqualTo(Outcome.EARLY_HELP);
        assertThat(waiting.threshold()).as("as configured").isEqualTo("Child in need");
        assertThat(waiting.decidedByName()).isEqualTo("Sam Okafor (duty lead)");

        var signed = post(LEAD2, "/api/referrals/{ref}/decision/sign-off", ref, null)
                .bodyToMono(ReferralSummary.class).block(WAIT);
        assertThat(signed.stage()).isEqualTo(Stage.DECIDED);
        assertThat(signed.outcome()).isEqualTo(Outcome.EARLY_HELP);
        assertThat(signed.awaitingSignOffSince()).isNull();

        assertThat(whoDidWhat(trail(ref))).containsExactly(
                "RECEIVED by Sam Okafor (DUTY_LEAD)",
                "DECIDED by Sam Okafor (DUTY_LEAD)",
                "SIGN_OFF_REFUSED by Sam Okafor (DUTY_LEAD)",
                "SIGNED_OFF by Jo Walsh (DUTY_LEAD)");
        // the rationale may name people: it stays off the trail, which hub managers read
        assertThat(trail(ref).toString()).doesNotContain("conviction");
    }

    @Test
    void noFurtherActionNeedsNoSignOffAndClosesAtOnce() {
        String ref = newReferral();
        var decided = decide(LEAD, ref, "NO_FURTHER_ACTION");
        assertThat(decided.stage()).isEqualTo(Stage.DECIDED);
        assertThat(decided.outcome()).isEqualTo(Outcome.NO_FURTHER_ACTION);
        var signOff = attempt(LEAD2, "/api/referrals/{ref}/decision/sign-off", ref, null);
        assertThat(signOff.getKey()).isEqualTo(409);
    }

    @Test
    void aReturnReopensTheReferralWithTheReasonAndANewDecisionCanFollow() {
        String ref = newReferral();
        decide(LEAD, ref, "ASSESSMENT_S17");

        var again = attempt(LEAD, "/api/referrals/{ref}/decision", ref, decision("EARLY_HELP"));
        assertThat(again.getKey()).isEqualTo(409);
        assertThat(again.getValue()).contains("ALREADY_WAITING");

        var noReason = attempt(LEAD2, "/api/referrals/{ref}/decision/return", ref, "{\"reason\": \" \"}");
        assertThat(noReason.getKey()).isEqualTo(400);
        assertThat(noReason.getValue()).contains("reason");

        var returned = post(LEAD2, "/api/referrals/{ref}/decision/return", ref,
                "{\"reason\": \"Speak to the school first; threshold looks like early help\"}")
                .bodyToMono(ReferralSummary.class).block(WAIT);
        assertThat(returned.stage()).isEqualTo(Stage.AWAITING_DECISION);
        assertThat(returned.awaitingSignOffSince()).isNull();

        var decisions = as(LEAD).get().uri("/api/referrals/{ref}/decisions", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).block(WAIT);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.getFirst()).containsEntry("status", "RETURNED")
                .containsEntry("returnReason", "Speak to the school first; threshold looks like early help");
        assertThat(decisions.getFirst().get("settledBy").toString()).contains("Jo Walsh");

        var second = decide(LEAD, ref, "EARLY_HELP");
        assertThat(second.awaitingSignOffSince()).isNotNull();
        var closed = post(ADMIN, "/api/referrals/{ref}/decision/sign-off", ref, null)
                .bodyToMono(ReferralSummary.class).block(WAIT);
        assertThat(closed.outcome()).isEqualTo(Outcome.EARLY_HELP);

        var trail = trail(ref);
        assertThat(whoDidWhat(trail)).containsExactly(
                "RECEIVED by Sam Okafor (DUTY_LEAD)",
                "DECIDED by Sam Okafor (DUTY_LEAD)",
                "DECISION_RETURNED by Jo Walsh (DUTY_LEAD)",
                "DECIDED by Sam Okafor (DUTY_LEAD)",
                "SIGNED_OFF by Chris Lee (ADMIN)");
        assertThat(trail.get(2)).containsEntry("reason", "Speak to the school first; threshold looks like early help");
    }

    @Test
    void ofTwoLeadsSigningOffAtOnceExactlyOneWins() {
        for (int round = 0; round < 5; round++) {
            String ref = newReferral();
            decide(LEAD, ref, "STRATEGY_S47");
            var results = Flux.just(LEAD2, ADMIN)
                    .flatMap(who -> Mono.fromCallable(() -> attempt(who, "/api/referrals/{ref}/decision/sign-off", ref,
                            null)).subscribeOn(Schedulers.boundedElastic()))
                    .collectList().block(WAIT);
            assertThat(results).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(200, 409);
            assertThat(results.stream().filter(r -> r.getKey() == 409).findFirst().orElseThrow().getValue())
                    .contains("already decided");
            var signedOff = trail(ref).stream().filter(e -> "SIGNED_OFF".equals(e.get("action"))).count();
            assertThat(signedOff).isEqualTo(1);
            assertThat(one(ref).outcome()).isEqualTo(Outcome.STRATEGY_S47);
            Long settled = db.sql("""
                            SELECT count(*) FROM decision d JOIN referral r ON r.id = d.referral_id
                            WHERE r.reference = :ref AND d.status = 'SIGNED_OFF'""")
                    .bind("ref", ref).map(row -> row.get(0, Long.class)).one().block(WAIT);
            assertThat(settled).isEqualTo(1);
        }
    }

    @Test
    void aDecisionWithoutRationaleThresholdOrNextStepIsRefusedNamingTheField() {
        String ref = newReferral();
        var noRationale = attempt(LEAD, "/api/referrals/{ref}/decision", ref,
                "{\"outcome\": \"EARLY_HELP\", \"threshold\": \"Early help\", \"nextStep\": \"EARLY_HELP\"}");
        assertThat(noRationale.getKey()).isEqualTo(400);
        assertThat(noRationale.getValue()).contains("rationale");
        var badThreshold = attempt(LEAD, "/api/referrals/{ref}/decision", ref,
                "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"r\", \"threshold\": \"Tier 9\", \"nextStep\": \"EARLY_HELP\"}");
        assertThat(badThreshold.getKey()).isEqualTo(400);
        assertThat(badThreshold.getValue()).contains("threshold").contains("Universal, Early help, Child in need");
        var toldWithoutHow = attempt(LEAD, "/api/referrals/{ref}/decision", ref,
                "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"r\", \"threshold\": \"Early help\", "
                        + "\"nextStep\": \"EARLY_HELP\", \"referrerToldAt\": \"2026-01-01T10:00:00Z\"}");
        assertThat(toldWithoutHow.getKey()).isEqualTo(400);
        assertThat(toldWithoutHow.getValue()).contains("referrerToldHow");
        assertThat(one(ref).stage()).isEqualTo(Stage.RECEIVED);
    }

    private RSocketRequester actingFor(String username) {
        var signIn = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.demoUser(username));
        opened.add(signIn);
        var token = signIn.route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class).block(WAIT);
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, new TestClients.Token(token.token()));
        opened.add(requester);
        return requester;
    }

    @Test
    void overRSocketTheSameRulesAndTheRefusalInTheAppsWords() {
        String ref = newReferral();
        var lead = actingFor("duty.lead");
        var lead2 = actingFor("duty.lead2");
        var decided = lead.route(ReferralRoutes.DECIDE).data(new DecisionRequest(ref, "EARLY_HELP",
                        "Needs a family support plan", "Early help", "EARLY_HELP", null, null, null))
                .retrieveMono(ReferralCard.class).block(WAIT);
        assertThat(decided.awaitingSignOff()).isTrue();

        assertThatThrownBy(() -> lead.route(ReferralRoutes.SIGN_OFF).data(new SignOffRequest(ref, null))
                .retrieveMono(ReferralCard.class).block(WAIT))
                .isInstanceOfSatisfying(CustomRSocketException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ReferralRoutes.REFUSED);
                    assertThat(e.getMessage()).contains("a different duty lead or administrator signs it off");
                });
        assertThatThrownBy(() -> lead2.route(ReferralRoutes.DECIDE).data(new DecisionRequest(ref, "EARLY_HELP"))
                .retrieveMono(ReferralCard.class).block(WAIT))
                .hasMessageContaining("rationale");

        var queue = lead2.route(ReferralRoutes.AWAITING_SIGN_OFF)
                .retrieveMono(new ParameterizedTypeReference<List<AwaitingSignOff>>() { }).block(WAIT);
        assertThat(queue).anySatisfy(q -> assertThat(q.reference()).isEqualTo(ref));

        var signed = lead2.route(ReferralRoutes.SIGN_OFF).data(new SignOffRequest(ref, null))
                .retrieveMono(ReferralCard.class).block(WAIT);
        assertThat(signed.stage()).isEqualTo(Stage.DECIDED);
        assertThat(signed.outcome()).isEqualTo(Outcome.EARLY_HELP);

        // the duty lead's detail names every person by display name and role
        var detail = lead.route(ReferralRoutes.DETAIL).data(new org.mashlive.referral.api.DetailRequest(ref))
                .retrieveMono(org.mashlive.referral.api.ReferralDetail.class).block(WAIT);
        assertThat(detail.receivedBy()).isEqualTo("Sam Okafor (duty lead)");
        assertThat(detail.ragHistory()).singleElement()
                .satisfies(step -> assertThat(step.by()).isEqualTo("Sam Okafor (duty lead)"));
        assertThat(detail.decisions()).singleElement().satisfies(d -> {
            assertThat(d.rationale()).isEqualTo("Needs a family support plan");
            assertThat(d.decidedBy()).isEqualTo("Sam Okafor (duty lead)");
            assertThat(d.status()).isEqualTo("SIGNED_OFF");
            assertThat(d.settledBy()).isEqualTo("Jo Walsh (duty lead)");
        });
        assertThat(detail.trail()).extracting(step -> step.action() + " by " + step.by()).containsExactly(
                "RECEIVED by Sam Okafor (duty lead)", "DECIDED by Sam Okafor (duty lead)",
                "SIGN_OFF_REFUSED by Sam Okafor (duty lead)", "SIGNED_OFF by Jo Walsh (duty lead)");

        // hub managers read the board, not the rationales
        var manager = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.demoUser("hub.manager"));
        opened.add(manager);
        assertThatThrownBy(() -> manager.route(ReferralRoutes.AWAITING_SIGN_OFF)
                .retrieveMono(new ParameterizedTypeReference<List<AwaitingSignOff>>() { }).block(WAIT))
                .hasMessageContaining("DUTY_LEAD");
    }
}
