package org.mashlive.security;

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
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.PoliceCheckRequest;
import org.mashlive.referral.api.RateRequest;
import org.mashlive.referral.api.SignOffRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.mashlive.referral.api.StageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * The duty view's screening routes over real TCP: who may call them, the audit trail naming who did
 * each (over RSocket and over the REST API), and the errors a duty lead is shown.
 */
@BackendTest
class ScreeningRoutesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private RSocketRequester as(TestClients.Identity who) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, who);
        opened.add(requester);
        return requester;
    }

    /** Signed in as the wall-board signs in for a person: their user token. */
    private RSocketRequester actingFor(String username) {
        var token = as(TestClients.demoUser(username)).route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class)
                .block(WAIT);
        return as(new TestClients.Token(token.token()));
    }

    private ReferralSummary police() {
        return post(TestReferrals.police());
    }

    private ReferralSummary phoneCall() {
        return post("""
                {"channel": "PHONE", "source": "FAMILY_SELF",
                 "child": {"firstName": "Phone", "lastName": "Caller", "dateOfBirth": "2017-01-02"},
                 "concern": "A parent asks for help.", "consent": "GIVEN"}""");
    }

    private ReferralSummary post(String json) {
        return TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private List<Map<String, Object>> trail(String reference) {
        return TestClients.web(httpPort, TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", reference).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).block(WAIT);
    }

    private static List<String> whoDidWhat(List<Map<String, Object>> trail) {
        return trail.stream().map(entry -> entry.get("action") + " by " + entry.get("actor")).toList();
    }

    private static ReferralCard call(RSocketRequester requester, String route, Object request) {
        return requester.route(route).data(request).retrieveMono(ReferralCard.class).block(WAIT);
    }

    @Test
    void aLeadScreensAPoliceNotificationAndTheTrailNamesWhoDidEach() {
        var referral = police();
        var lead = actingFor("duty.lead");

        var rated = call(lead, ReferralRoutes.RATE, new RateRequest(referral.reference(), "RED",
                "Weapon mentioned in the log"));
        assertThat(rated.rag()).isEqualTo(Rag.RED);
        // the same RAG again changes nothing and is not in the trail
        call(lead, ReferralRoutes.RATE, new RateRequest(referral.reference(), "RED", "again"));
        var moved = call(lead, ReferralRoutes.STAGE, new StageRequest(referral.reference(), "SCREENING"));
        assertThat(moved.stage()).isEqualTo(Stage.SCREENING);
        var checked = call(actingFor("duty.lead2"), ReferralRoutes.POLICE_CHECK,
                new PoliceCheckRequest(referral.reference(), "Two previous call-outs; no warning markers"));
        assertThat(checked.policeCheck()).isEqualTo(PoliceCheck.DONE);
        var decided = call(as(TestClients.demoUser("admin")), ReferralRoutes.DECIDE,
                new DecisionRequest(referral.reference(), "STRATEGY_S47", "Weapon and a child under five",
                        "Child protection", "ASSESSMENT", null, null, null));
        assertThat(decided.awaitingSignOff()).as("a strategy discussion needs a second person's sign-off").isTrue();
        var signedOff = call(lead, ReferralRoutes.SIGN_OFF, new SignOffRequest(referral.reference(), null));
        assertThat(signedOff.outcome()).isEqualTo(Outcome.STRATEGY_S47);
        assertThat(signedOff.stage()).isEqualTo(Stage.DECIDED);

        var trail = trail(referral.reference());
        assertThat(whoDidWhat(trail)).containsExactly("RECEIVED by duty.lead", "RAG_CHANGED by duty.lead",
                "STAGE_CHANGED by duty.lead", "POLICE_CHECK_DONE by duty.lead2", "DECIDED by admin",
                "SIGNED_OFF by duty.lead");
        assertThat(trail.get(1)).containsEntry("reason", "Weapon mentioned in the log")
                .containsEntry("detail", "AMBER → RED");
        // the summary may name people: it stays with the referral, out of the trail
        assertThat(trail.toString()).doesNotContain("call-outs");
    }

    @Test
    void theRestApiRecordsTheSignedInPersonToo() {
        var referral = police();
        var lead2 = TestClients.web(httpPort, TestClients.demoUser("duty.lead2"));
        lead2.put().uri("/api/referrals/{ref}/rag", referral.reference()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rag", "GREEN", "reason", "Parents separated; no contact")).retrieve()
                .toBodilessEntity().block(WAIT);
        lead2.put().uri("/api/referrals/{ref}/stage", referral.reference()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("stage", "AWAITING_DECISION")).retrieve().toBodilessEntity().block(WAIT);
        TestClients.web(httpPort, TestClients.demoUser("admin")).post()
                .uri("/api/referrals/{ref}/police-check", referral.reference()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("summary", "Nothing known")).retrieve().toBodilessEntity().block(WAIT);
        lead2.post().uri("/api/referrals/{ref}/decision", referral.reference()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "NO_FURTHER_ACTION", "rationale", "Parents separated; no contact",
                        "threshold", "Universal", "nextStep", "NO_FURTHER_ACTION"))
                .retrieve().toBodilessEntity().block(WAIT);

        assertThat(whoDidWhat(trail(referral.reference()))).containsExactly("RECEIVED by duty.lead",
                "RAG_CHANGED by duty.lead2",
                "STAGE_CHANGED by duty.lead2", "POLICE_CHECK_DONE by admin", "DECIDED by duty.lead2");
    }

    @Test
    void onlyDutyLeadsAndAdminsScreen() {
        var referral = police();
        var refusedCallers = List.of(as(TestClients.BOARD), as(TestClients.demoUser("hub.manager")),
                actingFor("service.head"), as(TestClients.demoUser("intake.client")));
        for (var caller : refusedCallers) {
            assertThatThrownBy(() -> call(caller, ReferralRoutes.RATE, new RateRequest(referral.reference(), "RED", "x")))
                    .hasMessageContaining("duty.referral.rate requires one of DUTY_LEAD, ADMIN");
            assertThatThrownBy(() -> call(caller, ReferralRoutes.STAGE,
                    new StageRequest(referral.reference(), "SCREENING")))
                    .hasMessageContaining("duty.referral.stage requires one of DUTY_LEAD, ADMIN");
            assertThatThrownBy(() -> call(caller, ReferralRoutes.DECIDE,
                    new DecisionRequest(referral.reference(), "EARLY_HELP")))
                    .hasMessageContaining("duty.referral.decide requires one of DUTY_LEAD, ADMIN");
            assertThatThrownBy(() -> call(caller, ReferralRoutes.POLICE_CHECK,
                    new PoliceCheckRequest(referral.reference(), "done")))
                    .hasMessageContaining("duty.referral.police-check requires one of DUTY_LEAD, ADMIN");
        }
        assertThatThrownBy(() -> call(as(TestClients.NOBODY), ReferralRoutes.RATE,
                new RateRequest(referral.reference(), "RED", "x")))
                .hasMessageContaining("duty.referral.rate requires signing in");
        assertThat(whoDidWhat(trail(referral.reference()))).as("only its intake")
                .containsExactly("RECEIVED by duty.lead");
        var unchanged = TestClients.web(httpPort).get().uri("/api/referrals/{ref}", referral.reference()).retrieve()
                .bodyToMono(ReferralSummary.class).block(WAIT);
        assertThat(unchanged.rag()).isEqualTo(Rag.AMBER);
        assertThat(unchanged.stage()).isEqualTo(Stage.RECEIVED);
    }

    @Test
    void wrongInputIsNamedAndAClosedReferralSaysSo() {
        var referral = police();
        var lead = actingFor("duty.lead");
        String ref = referral.reference();
        assertThatThrownBy(() -> call(lead, ReferralRoutes.RATE, new RateRequest(ref, "RED", "  ")))
                .hasMessage("reason: must say why the RAG is set or changed");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.RATE, new RateRequest(ref, "PURPLE", "why")))
                .hasMessage("rag: must be one of RED, AMBER, GREEN; it was 'PURPLE'");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.RATE, new RateRequest(ref, "RED", "x".repeat(1001))))
                .hasMessage("reason: must be at most 1000 characters");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.RATE, new RateRequest(" ", "RED", "why")))
                .hasMessage("reference: must name the referral");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.STAGE, new StageRequest(ref, "DECIDED")))
                .hasMessageContaining("stage: must be RECEIVED, SCREENING, INFORMATION_GATHERING or AWAITING_DECISION");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.DECIDE, new DecisionRequest(ref, null)))
                .hasMessageStartingWith("outcome: must be one of NO_FURTHER_ACTION");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.POLICE_CHECK, new PoliceCheckRequest(ref, "")))
                .hasMessage("summary: must summarise what the checks found");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.STAGE, new StageRequest("MASH-1999-000001", "SCREENING")))
                .hasMessage("No referral MASH-1999-000001");
        var phone = phoneCall();
        assertThatThrownBy(() -> call(lead, ReferralRoutes.POLICE_CHECK, new PoliceCheckRequest(phone.reference(),
                "checked"))).hasMessage("channel: " + phone.reference()
                + " is not a police notification; no police checks are due");
        assertThat(whoDidWhat(trail(ref))).as("only its intake").containsExactly("RECEIVED by duty.lead");

        call(lead, ReferralRoutes.POLICE_CHECK, new PoliceCheckRequest(ref, "Nothing known"));
        assertThatThrownBy(() -> call(lead, ReferralRoutes.POLICE_CHECK, new PoliceCheckRequest(ref, "again")))
                .isInstanceOfSatisfying(CustomRSocketException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ReferralRoutes.CLOSED))
                .hasMessage("The police checks on " + ref + " are already recorded as done");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.DECIDE, new DecisionRequest(ref, "NO_FURTHER_ACTION")))
                .hasMessage("rationale: must say why this decision was made");
        assertThatThrownBy(() -> call(lead, ReferralRoutes.DECIDE, new DecisionRequest(ref, "NO_FURTHER_ACTION",
                "No concerns", "Universal", "HOME", null, null, null)))
                .hasMessage("nextStep: must be one of EARLY_HELP, ASSESSMENT, POLICE_ONLY, OTHER_LOCAL_AUTHORITY, "
                        + "NO_FURTHER_ACTION; it was 'HOME'");
        call(lead, ReferralRoutes.DECIDE, new DecisionRequest(ref, "NO_FURTHER_ACTION", "No concerns", "Universal",
                "NO_FURTHER_ACTION", null, null, null));
        assertThatThrownBy(() -> call(lead, ReferralRoutes.RATE, new RateRequest(ref, "RED", "late news")))
                .isInstanceOfSatisfying(CustomRSocketException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ReferralRoutes.CLOSED))
                .hasMessage(ref + " is already decided, so changing its RAG is no longer possible");
        assertThat(whoDidWhat(trail(ref))).containsExactly("RECEIVED by duty.lead", "POLICE_CHECK_DONE by duty.lead",
                "DECIDED by duty.lead");
    }
}
