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
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.FlagsRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A child's flags set and cleared by duty leads over the REST API and RSocket, on the real database:
 * who may, the reason required, the history row and audit line naming the person, and the board
 * stream carrying the change.
 */
@BackendTest
class FlagChangesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

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

    private String newReferral() {
        return TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT)
                .reference();
    }

    private ReferralSummary one(String reference) {
        return TestClients.web(httpPort).get().uri("/api/referrals/{ref}", reference).retrieve()
                .bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private List<Map<String, Object>> trail(String reference) {
        return TestClients.web(httpPort, TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", reference).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).block(WAIT);
    }

    private static List<String> whoDidWhat(List<Map<String, Object>> trail) {
        return trail.stream().map(entry -> entry.get("action") + " by " + entry.get("actor")).toList();
    }

    /** The status and body (with its content type first) of a PUT that may be refused. */
    private Map.Entry<Integer, String> put(TestClients.Identity who, String reference, String body) {
        return TestClients.web(httpPort, who).put().uri("/api/referrals/{ref}/flags", reference)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> Map.entry(response.statusCode().value(),
                                response.headers().contentType().map(Object::toString).orElse("") + " " + text)))
                .block(WAIT);
    }

    private static ReferralCard call(RSocketRequester requester, FlagsRequest request) {
        return requester.route(ReferralRoutes.FLAGS).data(request).retrieveMono(ReferralCard.class).block(WAIT);
    }

    private List<Map<String, Object>> history(String reference) {
        return db.sql("""
                        SELECT f.changed_by, array_to_string(f.from_flags, ',') AS before,
                               array_to_string(f.to_flags, ',') AS after, f.reason
                        FROM flag_change f JOIN referral r ON r.id = f.referral_id
                        WHERE r.reference = :ref ORDER BY f.id""")
                .bind("ref", reference).fetch().all().collectList().block(WAIT);
    }

    @Test
    void aLeadSetsAndClearsFlagsOverRSocketAndTheBoardStreamCarriesIt() {
        String ref = newReferral();
        var board = as(TestClients.BOARD);
        long before = board.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT).seq();

        var card = call(actingFor("duty.lead"), new FlagsRequest(ref, List.of("SEND", "NON_VERBAL", "DOMESTIC_ABUSE"),
                "School confirmed an EHC plan; the child does not speak"));
        assertThat(card.flags()).containsExactlyInAnyOrder(Flag.SEND, Flag.NON_VERBAL, Flag.DOMESTIC_ABUSE);
        // the same flags again change nothing: no history, no audit line, no event
        call(actingFor("duty.lead"), new FlagsRequest(ref, List.of("DOMESTIC_ABUSE", "SEND", "NON_VERBAL"), "again"));
        var cleared = call(actingFor("duty.lead2"), new FlagsRequest(ref, List.of("SEND"),
                "Non-verbal was a misreading; the incident was not domestic abuse"));
        assertThat(cleared.flags()).containsExactly(Flag.SEND);
        assertThat(one(ref).flags()).containsExactly(Flag.SEND);

        var events = board.route(BoardRoutes.STREAM).data(new BoardStreamRequest(before))
                .retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne)
                .filter(update -> update.kind() == BoardUpdate.Kind.EVENT
                        && update.event().type() == BoardEventType.FLAGS_CHANGED
                        && update.event().referral().reference().equals(ref))
                .take(2).map(update -> update.event().referral().flags()).collectList().block(WAIT);
        assertThat(events).containsExactly(java.util.Set.of(Flag.SEND, Flag.NON_VERBAL, Flag.DOMESTIC_ABUSE),
                java.util.Set.of(Flag.SEND));

        var trail = trail(ref);
        assertThat(whoDidWhat(trail)).containsExactly("RECEIVED by duty.lead", "FLAGS_CHANGED by duty.lead",
                "FLAGS_CHANGED by duty.lead2");
        assertThat(trail.get(1)).containsEntry("reason", "School confirmed an EHC plan; the child does not speak")
                .containsEntry("detail", "set SEND, Non-verbal");
        assertThat(trail.get(2)).containsEntry("detail", "cleared Non-verbal, Domestic abuse");
        assertThat(history(ref)).extracting(row -> row.get("changed_by") + ": " + row.get("before") + " → "
                        + row.get("after"))
                .containsExactly("duty.lead: DOMESTIC_ABUSE → DOMESTIC_ABUSE,NON_VERBAL,SEND",
                        "duty.lead2: DOMESTIC_ABUSE,NON_VERBAL,SEND → SEND");
    }

    @Test
    void theRestApiSetsFlagsAsTheSignedInPerson() {
        String ref = newReferral();
        var answer = put(TestClients.demoUser("admin"), ref,
                """
                {"flags": ["ASYLUM_SEEKING", "ASD_CONCERN"], "reason": "Arrived in March; paediatrician's letter"}""");
        assertThat(answer.getKey()).isEqualTo(200);
        assertThat(one(ref).flags()).containsExactlyInAnyOrder(Flag.ASYLUM_SEEKING, Flag.ASD_CONCERN);
        var cleared = put(TestClients.demoUser("duty.lead2"), ref, """
                {"flags": [], "reason": "Wrong child's letter"}""");
        assertThat(cleared.getKey()).isEqualTo(200);
        assertThat(one(ref).flags()).isEmpty();
        assertThat(whoDidWhat(trail(ref))).containsExactly("RECEIVED by duty.lead", "FLAGS_CHANGED by admin",
                "FLAGS_CHANGED by duty.lead2");
        assertThat(trail(ref).get(2)).containsEntry("detail", "cleared Asylum-seeking / new arrival, ASD concern");
    }

    @Test
    void onlyDutyLeadsAndAdminsSetFlagsAndTheRefusalNamesTheRoles() {
        String ref = newReferral();
        for (var caller : List.of(as(TestClients.BOARD), as(TestClients.demoUser("hub.manager")),
                actingFor("service.head"), actingFor("front.door"), as(TestClients.demoUser("intake.client")))) {
            assertThatThrownBy(() -> call(caller, new FlagsRequest(ref, List.of("SEND"), "x")))
                    .hasMessageContaining("duty.referral.flags requires one of DUTY_LEAD, ADMIN");
        }
        assertThatThrownBy(() -> call(as(TestClients.NOBODY), new FlagsRequest(ref, List.of("SEND"), "x")))
                .hasMessageContaining("duty.referral.flags requires signing in");
        for (String who : List.of("hub.manager", "service.head", "front.door", "intake.client")) {
            var refused = put(TestClients.demoUser(who), ref, """
                    {"flags": ["SEND"], "reason": "x"}""");
            assertThat(refused.getKey()).as(who).isEqualTo(403);
            assertThat(refused.getValue()).startsWith("application/problem+json").contains("DUTY_LEAD").contains("ADMIN");
        }
        assertThat(one(ref).flags()).containsExactly(Flag.DOMESTIC_ABUSE);
        assertThat(whoDidWhat(trail(ref))).containsExactly("RECEIVED by duty.lead");
        assertThat(history(ref)).isEmpty();
    }

    @Test
    void aReasonIsRequiredAndWrongInputIsNamed() {
        String ref = newReferral();
        var lead = actingFor("duty.lead");
        assertThatThrownBy(() -> call(lead, new FlagsRequest(ref, List.of("SEND"), "  ")))
                .hasMessage("reason: must say why the flags are set or cleared");
        assertThatThrownBy(() -> call(lead, new FlagsRequest(ref, List.of("SEND"), null)))
                .hasMessage("reason: must say why the flags are set or cleared");
        assertThatThrownBy(() -> call(lead, new FlagsRequest(ref, List.of("SEND"), "x".repeat(1001))))
                .hasMessage("reason: must be at most 1000 characters");
        assertThatThrownBy(() -> call(lead, new FlagsRequest(ref, List.of("SEND", "DEAF"), "why")))
                .hasMessage("flags[1]: must be one of SEND, NON_VERBAL, ASYLUM_SEEKING, ASD_CONCERN, DOMESTIC_ABUSE; "
                        + "it was 'DEAF'");
        assertThatThrownBy(() -> call(lead, new FlagsRequest(ref, null, "why")))
                .hasMessage("flags: must list the child's flags (an empty list clears them)");
        assertThatThrownBy(() -> call(lead, new FlagsRequest(" ", List.of(), "why")))
                .hasMessage("reference: must name the referral");
        assertThatThrownBy(() -> call(lead, new FlagsRequest("MASH-1999-000001", List.of(), "why")))
                .hasMessage("No referral MASH-1999-000001");

        var noReason = put(TestClients.demoUser("duty.lead"), ref, """
                {"flags": ["SEND"]}""");
        assertThat(noReason.getKey()).isEqualTo(400);
        assertThat(noReason.getValue()).startsWith("application/problem+json").contains("\"field\":\"reason\"");
        var unknownFlag = put(TestClients.demoUser("duty.lead"), ref, """
                {"flags": ["DEAF"], "reason": "why"}""");
        assertThat(unknownFlag.getKey()).isEqualTo(400);
        assertThat(unknownFlag.getValue()).startsWith("application/problem+json").contains("flags[0]");
        assertThat(whoDidWhat(trail(ref))).as("nothing written").containsExactly("RECEIVED by duty.lead");
        assertThat(history(ref)).isEmpty();

        call(lead, new DecisionRequest(ref, "NO_FURTHER_ACTION", "No concerns", "Universal", "NO_FURTHER_ACTION",
                null, null, null));
        assertThatThrownBy(() -> call(lead, new FlagsRequest(ref, List.of("SEND"), "late news")))
                .isInstanceOfSatisfying(CustomRSocketException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ReferralRoutes.CLOSED))
                .hasMessage(ref + " is already decided, so changing its flags is no longer possible");
        var closed = put(TestClients.demoUser("duty.lead"), ref, """
                {"flags": ["SEND"], "reason": "late news"}""");
        assertThat(closed.getKey()).isEqualTo(409);
        assertThat(closed.getValue()).startsWith("application/problem+json").contains("Referral already decided");
    }

    private static void call(RSocketRequester requester, DecisionRequest request) {
        requester.route(ReferralRoutes.DECIDE).data(request).retrieveMono(ReferralCard.class).block(WAIT);
    }
}
