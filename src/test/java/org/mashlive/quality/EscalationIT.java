package org.mashlive.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rsocket.exceptions.CustomRSocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.UserToken;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.referral.ReferralSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Professional disagreements on the real database, over REST and RSocket: raised by a duty lead,
 * escalated to a manager by a hub manager, resolved, each step in the referral's trail; only later
 * stages; nothing after resolution; wrong input named; and the age in working days, overdue past
 * five, as the capacity view and the alert read it.
 */
@BackendTest
class EscalationIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestClients.User LEAD = TestClients.demoUser("duty.lead");
    private static final TestClients.User MANAGER = TestClients.demoUser("hub.manager");

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    @Autowired
    WorkingCalendar calendar;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private RSocketRequester rsocketAs(String username) {
        var signIn = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.demoUser(username));
        opened.add(signIn);
        var token = signIn.route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class).block(WAIT);
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, new TestClients.Token(token.token()));
        opened.add(requester);
        return requester;
    }

    private String referral() {
        return TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT).reference();
    }

    private Map.Entry<Integer, String> post(TestClients.Identity who, String uri, String body) {
        return TestClients.web(httpPort, who).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> Map.entry(response.statusCode().value(),
                                response.headers().contentType().map(Object::toString).orElse("") + " " + text)))
                .block(WAIT);
    }

    private List<Escalation> open(TestClients.Identity who) {
        return TestClients.web(httpPort, who).get().uri("/api/escalations").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Escalation>>() { }).block(WAIT);
    }

    @Test
    void aDisagreementIsRaisedEscalatedAndResolvedAndTheTrailSaysSo() {
        String ref = referral();
        var raised = TestClients.web(httpPort, LEAD).post().uri("/api/escalations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", ref, "agency", "HEALTH", "raisedBy", "HUB",
                        "concern", "Health visiting will not share the last two contacts without consent."))
                .retrieve().bodyToMono(Escalation.class).block(WAIT);
        assertThat(raised.reference()).isEqualTo(ref);
        assertThat(raised.agency()).isEqualTo("HEALTH");
        assertThat(raised.stage()).isEqualTo("PRACTITIONER");
        assertThat(raised.resolvedAt()).isNull();
        assertThat(raised.overdue()).isFalse();
        assertThat(open(TestClients.demoUser("service.head"))).extracting(Escalation::id).contains(raised.id());

        // the hub manager takes it to the manager stage, over RSocket
        var escalated = rsocketAs("hub.manager").route(QualityRoutes.ESCALATION_STAGE)
                .data(new EscalationStep(raised.id(), "MANAGER", "Practitioners could not agree"))
                .retrieveMono(Escalation.class).block(WAIT);
        assertThat(escalated.stage()).isEqualTo("MANAGER");
        assertThat(escalated.stages()).extracting(Escalation.Stage::stage).containsExactly("PRACTITIONER", "MANAGER");
        assertThat(escalated.stages().get(1).byName()).isEqualTo("Priya Shah (hub manager)");

        // never back to an earlier stage
        var back = post(MANAGER, "/api/escalations/" + raised.id() + "/stage", "{\"stage\": \"PRACTITIONER\"}");
        assertThat(back.getKey()).isEqualTo(409);
        assertThat(back.getValue()).startsWith("application/problem+json").contains("Not a later stage");

        var resolved = post(MANAGER, "/api/escalations/" + raised.id() + "/resolution",
                "{\"resolution\": \"Health agreed to share under section 47 enquiries.\"}");
        assertThat(resolved.getKey()).isEqualTo(200);
        assertThat(resolved.getValue()).contains("Health agreed to share");
        assertThat(open(LEAD)).extracting(Escalation::id).doesNotContain(raised.id());
        var again = post(LEAD, "/api/escalations/" + raised.id() + "/resolution", "{\"resolution\": \"Again\"}");
        assertThat(again.getKey()).isEqualTo(409);
        assertThat(again.getValue()).contains("resolved already");
        assertThatThrownBy(() -> rsocketAs("duty.lead").route(QualityRoutes.ESCALATION_STAGE)
                .data(new EscalationStep(raised.id(), "HEAD_OF_SERVICE", null)).retrieveMono(Escalation.class)
                .block(WAIT))
                .isInstanceOfSatisfying(CustomRSocketException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(QualityRoutes.REFUSED);
                    assertThat(e.getMessage()).contains("was resolved");
                });

        var trail = TestClients.web(httpPort, MANAGER).get().uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).filteredOn(e -> e.action().name().startsWith("ESCALATION"))
                .extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("ESCALATION_RAISED by duty.lead", "ESCALATION_STAGE_CHANGED by hub.manager",
                        "ESCALATION_RESOLVED by hub.manager");
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.ESCALATION_RESOLVED).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Health agreed to share under section 47 enquiries."));
    }

    @Test
    void theResolvedAreListedAndWhatOneIsAboutIsReadOnlyByADutyLeadWhoseReadingIsAudited() {
        String ref = referral();
        var raised = TestClients.web(httpPort, LEAD).post().uri("/api/escalations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", ref, "agency", "HOUSING", "raisedBy", "AGENCY",
                        "concern", "Housing disagrees that the family needs an assessment."))
                .retrieve().bodyToMono(Escalation.class).block(WAIT);
        var resolvedList = new ParameterizedTypeReference<List<Escalation>>() { };
        assertThat(TestClients.web(httpPort, MANAGER).get().uri("/api/escalations/resolved").retrieve()
                .bodyToMono(resolvedList).block(WAIT)).extracting(Escalation::id).doesNotContain(raised.id());
        post(MANAGER, "/api/escalations/" + raised.id() + "/resolution", "{\"resolution\": \"Agreed at a meeting.\"}");
        var resolved = rsocketAs("service.head").route(QualityRoutes.ESCALATIONS_RESOLVED)
                .retrieveMono(resolvedList).block(WAIT);
        assertThat(resolved).filteredOn(e -> e.id() == raised.id()).singleElement()
                .satisfies(e -> assertThat(e.resolvedByName()).isEqualTo("Priya Shah (hub manager)"));
        // no list carries what one is about, its notes or its resolution, to anyone: only the audited detail does
        for (var who : List.of(LEAD, MANAGER, TestClients.demoUser("service.head"))) {
            var listed = new java.util.ArrayList<>(open(who));
            listed.addAll(TestClients.web(httpPort, who).get().uri("/api/escalations/resolved").retrieve()
                    .bodyToMono(resolvedList).block(WAIT));
            assertThat(listed).isNotEmpty().allSatisfy(e -> {
                assertThat(e.concern()).isNull();
                assertThat(e.resolution()).isNull();
                assertThat(e.stages()).allSatisfy(stage -> assertThat(stage.note()).isNull());
            });
        }
        assertThat(resolved).allSatisfy(e -> assertThat(e.concern()).isNull());

        // the hub manager may not read what it is about here; a duty lead may, and the trail says so
        var refused = TestClients.web(httpPort, MANAGER).get().uri("/api/escalations/" + raised.id())
                .exchangeToMono(response -> Mono.just(response.statusCode().value())).block(WAIT);
        assertThat(refused).isEqualTo(403);
        var shown = rsocketAs("duty.lead").route(QualityRoutes.ESCALATION_DETAIL)
                .data(new org.mashlive.quality.api.EscalationRef(raised.id())).retrieveMono(Escalation.class).block(WAIT);
        assertThat(shown.concern()).isEqualTo("Housing disagrees that the family needs an assessment.");
        assertThat(shown.resolution()).isEqualTo("Agreed at a meeting.");
        var trail = TestClients.web(httpPort, MANAGER).get().uri("/api/referrals/{ref}/audit", ref).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.DETAIL_VIEWED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("duty.lead");
                    assertThat(e.detail()).contains("professional disagreement " + raised.id());
                });
        assertThatThrownBy(() -> rsocketAs("duty.lead").route(QualityRoutes.ESCALATION_DETAIL)
                .data(new org.mashlive.quality.api.EscalationRef(0L)).retrieveMono(Escalation.class).block(WAIT))
                .hasMessageContaining("id").hasMessageContaining("must name the disagreement");
    }

    @Test
    void wrongInputIsNamedAndNothingIsWritten() {
        String ref = referral();
        var agency = post(LEAD, "/api/escalations", """
                {"reference": "%s", "agency": "DENTIST", "raisedBy": "HUB", "concern": "x"}""".formatted(ref));
        assertThat(agency.getKey()).isEqualTo(400);
        assertThat(agency.getValue()).contains("\"field\":\"agency\"").contains("must be one of POLICE, HEALTH");
        var concern = post(LEAD, "/api/escalations", """
                {"reference": "%s", "agency": "POLICE", "raisedBy": "AGENCY"}""".formatted(ref));
        assertThat(concern.getKey()).isEqualTo(400);
        assertThat(concern.getValue()).contains("\"field\":\"concern\"");
        var unknown = post(LEAD, "/api/escalations", """
                {"reference": "MASH-1999-999999", "agency": "POLICE", "raisedBy": "AGENCY", "concern": "x"}""");
        assertThat(unknown.getKey()).isEqualTo(404);
        assertThat(open(LEAD)).extracting(Escalation::reference).doesNotContain(ref);
    }

    @Test
    void anOpenDisagreementIsOverdueAfterFiveWorkingDays() {
        String ref = referral();
        var raised = TestClients.web(httpPort, LEAD).post().uri("/api/escalations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reference", ref, "agency", "EDUCATION", "raisedBy", "AGENCY",
                        "concern", "The school disagrees with no further action."))
                .retrieve().bodyToMono(Escalation.class).block(WAIT);
        // raised, as it were, at the close of the seventh working day back: six whole working days and
        // today's part ago
        Instant now = Instant.now();
        var date = java.time.LocalDate.ofInstant(now, calendar.zone());
        int found = 0;
        while (found < 7) {
            date = date.minusDays(1);
            if (calendar.isWorkingDay(date)) {
                found++;
            }
        }
        Instant sixDaysAgo = date.atTime(calendar.dayEnd()).atZone(calendar.zone()).toInstant();
        db.sql("UPDATE escalation SET opened_at = :at WHERE id = :id")
                .bind("at", sixDaysAgo.atOffset(ZoneOffset.UTC)).bind("id", raised.id()).then().block(WAIT);
        var shown = open(MANAGER).stream().filter(e -> e.id() == raised.id()).findFirst().orElseThrow();
        assertThat(shown.workingDaysOpen()).isBetween(6.0, 7.0);
        assertThat(shown.overdue()).isTrue();
    }
}
