package org.mashlive.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rsocket.exceptions.CustomRSocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.UserToken;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.quality.api.SampledDecision;
import org.mashlive.referral.ReferralSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The weekly QA sample and its grading on the real database, over REST and RSocket: the stored sample
 * is the one its recorded seed draws from the week's decisions, stratum by stratum within one of 5%;
 * drawing the week again answers the same sample; a referral is never in two samples; a grade is
 * audited, refused twice or by the decision's own maker, and read by the practitioner as feedback.
 *
 * <p>Each test puts its decisions in a week of 2020 of its own (the shared database holds other tests'
 * decisions of this week), by moving their times after deciding them through the API.
 */
@BackendTest
class QualityIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestClients.User LEAD = TestClients.demoUser("duty.lead");
    private static final TestClients.User LEAD2 = TestClients.demoUser("duty.lead2");
    private static final TestClients.User MANAGER = TestClients.demoUser("hub.manager");
    private static final TestClients.User ADMIN = TestClients.demoUser("admin");
    private static final String[] SOURCES = {"POLICE", "POLICE", "POLICE", "HEALTH", "EDUCATION", "HEALTH",
            "FAMILY_SELF"};
    private static final String[] RAGS = {"AMBER", "AMBER", "RED", "GREEN"};

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    @Autowired
    AuditTrail audit;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private WebClient as(TestClients.Identity who) {
        return TestClients.web(httpPort, who);
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

    /**
     * {@code count} referrals taken in, decided by {@code decider} (no further action, which closes them)
     * and then moved to {@code day} of 2020, a minute apart; their references, in order.
     */
    private List<String> decidedIn(Instant day, int count, TestClients.User decider) {
        var references = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            String source = SOURCES[i % SOURCES.length];
            String channel = source.equals("POLICE") ? "POLICE_NOTIFICATION" : "PHONE";
            String rag = RAGS[(i / 3) % RAGS.length];
            var created = as(LEAD).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"channel": "%s", "source": "%s",
                             "child": {"firstName": "Quality%d", "lastName": "Sample", "dateOfBirth": "2015-03-0%d"},
                             "concern": "Worries shared by the referrer.", "consent": "GIVEN", "rag": "%s"}"""
                            .formatted(channel, source, i, 1 + i % 9, rag))
                    .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
            as(decider).post().uri("/api/referrals/{ref}/decision", created.reference())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"outcome": "NO_FURTHER_ACTION", "rationale": "Parents engaging; school has no concerns.",
                             "threshold": "Universal", "nextStep": "NO_FURTHER_ACTION"}""")
                    .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
            Instant at = day.plus(Duration.ofMinutes(i));
            db.sql("UPDATE referral SET received_at = :received, decided_at = :at WHERE id = :id")
                    .bind("received", at.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                    .bind("at", at.atOffset(ZoneOffset.UTC)).bind("id", created.id()).then().block(WAIT);
            db.sql("UPDATE decision SET decided_at = :at WHERE referral_id = :id")
                    .bind("at", at.atOffset(ZoneOffset.UTC)).bind("id", created.id()).then().block(WAIT);
            references.add(created.reference());
        }
        return references;
    }

    /** The week's decisions as the sampler sees them, read back independently of the module's own query. */
    private List<Sampler.Candidate> candidates(List<String> references) {
        return db.sql("""
                        SELECT r.id, d.id AS decision_id, r.source || '/' || r.rag AS stratum FROM referral r
                        JOIN decision d ON d.referral_id = r.id WHERE r.reference = ANY(:refs)""")
                .bind("refs", references.toArray(String[]::new))
                .map(row -> new Sampler.Candidate(row.get("id", Long.class), row.get("decision_id", Long.class),
                        row.get("stratum", String.class)))
                .all().collectList().block(WAIT);
    }

    private Map<Long, String> referencesById(List<String> references) {
        return db.sql("SELECT id, reference FROM referral WHERE reference = ANY(:refs)")
                .bind("refs", references.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", Long.class), row.get("reference", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue).block(WAIT);
    }

    private Map.Entry<Integer, String> attempt(TestClients.Identity who, String uri, String body) {
        return as(who).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> Map.entry(response.statusCode().value(),
                                response.headers().contentType().map(Object::toString).orElse("") + " " + text)))
                .block(WAIT);
    }

    private List<AuditEntry> trail(String reference) {
        return as(MANAGER).get().uri("/api/referrals/{ref}/audit", reference).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
    }

    private static String grade(String reference, String overall) {
        return """
                {"reference": "%s", "grade": "%s", "feedback": "Clear rationale; record the child's own words next time.",
                 "answers": {"Threshold applied correctly": "MET", "Child's voice recorded": "NOT_MET",
                             "Consent handled": "MET", "Partners consulted": "PARTLY_MET", "Timeliness": "MET"}}"""
                .formatted(reference, overall);
    }

    @Test
    void theStoredSampleIsTheOneItsSeedDrawsStratifiedAndAReferralIsNeverSampledTwice() {
        // Wednesday of 2020-W10
        var references = decidedIn(Instant.parse("2020-03-04T10:00:00Z"), 84, LEAD);
        var drawn = as(MANAGER).post().uri("/api/quality/samples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"week\": \"2020-W10\", \"seed\": 42}")
                .exchangeToMono(response -> response.bodyToMono(QaSample.class)
                        .map(sample -> Map.entry(response.statusCode().value(), sample)))
                .block(WAIT);
        assertThat(drawn.getKey()).isEqualTo(201);
        QaSample sample = drawn.getValue();
        assertThat(sample.week()).isEqualTo("2020-W10");
        assertThat(sample.seed()).isEqualTo(42);
        assertThat(sample.population()).isEqualTo(84);
        assertThat(sample.share()).isEqualTo(0.05);
        assertThat(sample.drawnByName()).isEqualTo("Priya Shah (hub manager)");
        assertThat(sample.created()).isTrue();

        // the same seed and week draw the same decisions: the sampler, on the week read back apart
        var population = candidates(references);
        var ids = referencesById(references);
        var expected = Sampler.draw(population, 42, 0.05).stream().map(c -> ids.get(c.referralId())).sorted().toList();
        assertThat(sample.decisions()).extracting(SampledDecision::reference).hasSize(4)
                .containsExactlyInAnyOrderElementsOf(expected);
        // each stratum within one of 5% of its decisions
        var sizes = population.stream().collect(Collectors.groupingBy(Sampler.Candidate::stratum, Collectors.counting()));
        var taken = sample.decisions().stream().collect(Collectors.groupingBy(SampledDecision::stratum,
                Collectors.counting()));
        sizes.forEach((stratum, size) -> assertThat(Math.abs(taken.getOrDefault(stratum, 0L) - size * 0.05))
                .as(stratum).isLessThan(1.0));
        assertThat(sample.decisions()).allSatisfy(decision -> {
            assertThat(decision.decidedBy()).isEqualTo("duty.lead");
            assertThat(decision.rationale()).isEqualTo("Parents engaging; school has no concerns.");
            assertThat(decision.grade()).isNull();
        });

        // drawn again, with another seed: the week's sample as it was, nothing new drawn
        var again = as(MANAGER).post().uri("/api/quality/samples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"week\": \"2020-W10\", \"seed\": 7}")
                .exchangeToMono(response -> response.bodyToMono(QaSample.class)
                        .map(answer -> Map.entry(response.statusCode().value(), answer)))
                .block(WAIT);
        assertThat(again.getKey()).isEqualTo(200);
        assertThat(again.getValue().seed()).isEqualTo(42);
        assertThat(again.getValue().created()).isFalse();
        assertThat(again.getValue().decisions()).isEqualTo(sample.decisions());

        // every sampled decision's trail says so, with the week and the seed
        for (var decision : sample.decisions()) {
            assertThat(trail(decision.reference())).filteredOn(entry -> entry.action() == AuditAction.QA_SAMPLED)
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.actor()).isEqualTo("hub.manager");
                        assertThat(entry.detail()).contains("2020-W10").contains("seed 42")
                                .contains(decision.stratum());
                    });
        }

        // a sampled referral cannot enter another sample, and is no longer in the week's population
        var quality = context.getBean(QualityAssurance.class);
        var week = quality.week("2020-W10");
        var left = quality.population(week, Instant.now()).collectList().block(WAIT);
        assertThat(left).hasSize(80).extracting(Sampler.Candidate::referralId)
                .doesNotContainAnyElementsOf(sample.decisions().stream()
                        .map(d -> ids.entrySet().stream().filter(e -> e.getValue().equals(d.reference()))
                                .findFirst().orElseThrow().getKey()).toList());
        Long sampledId = ids.entrySet().stream().filter(e -> e.getValue().equals(sample.decisions().getFirst().reference()))
                .findFirst().orElseThrow().getKey();
        assertThatThrownBy(() -> db.sql("""
                        WITH other AS (INSERT INTO qa_sample (week, seed, share, population, drawn_at, drawn_by)
                            VALUES ('2019-W01', 1, 0.05, 1, now(), 'hub.manager') RETURNING id)
                        INSERT INTO qa_sample_item (sample_id, referral_id, decision_id, stratum)
                        SELECT other.id, :referral, (SELECT id FROM decision WHERE referral_id = :referral LIMIT 1), 'X'
                        FROM other""")
                .bind("referral", sampledId).then().block(WAIT))
                .hasMessageContaining("qa_sample_item_referral_id_key");
    }

    @Test
    void aGradeIsAuditedAndThePractitionerWhoDecidedReadsItAsFeedback() {
        // Tuesday of 2020-W12: five decisions, of which one is sampled
        var references = decidedIn(Instant.parse("2020-03-17T11:00:00Z"), 5, LEAD);
        var sample = as(MANAGER).post().uri("/api/quality/samples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"week\": \"2020-W12\"}").retrieve().bodyToMono(QaSample.class).block(WAIT);
        assertThat(sample.decisions()).hasSize(1);
        String ref = sample.decisions().getFirst().reference();
        assertThat(references).contains(ref);

        // wrong input is named, and nothing is written
        var missing = attempt(MANAGER, "/api/quality/grades", """
                {"reference": "%s", "grade": "GOOD", "feedback": "Fine", "answers": {"Timeliness": "MET"}}"""
                .formatted(ref));
        assertThat(missing.getKey()).isEqualTo(400);
        assertThat(missing.getValue()).startsWith("application/problem+json")
                .contains("\"field\":\"answers\"").contains("not answered: Threshold applied correctly");
        var badGrade = attempt(MANAGER, "/api/quality/grades", grade(ref, "SPLENDID"));
        assertThat(badGrade.getKey()).isEqualTo(400);
        assertThat(badGrade.getValue()).contains("\"field\":\"grade\"")
                .contains("must be one of OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE");
        var badWeek = attempt(MANAGER, "/api/quality/samples", "{\"week\": \"2020-48\"}");
        assertThat(badWeek.getKey()).isEqualTo(400);
        assertThat(badWeek.getValue()).contains("\"field\":\"week\"").contains("ISO week such as 2026-W48");
        var notSampled = attempt(MANAGER, "/api/quality/grades",
                grade(references.stream().filter(r -> !r.equals(ref)).findFirst().orElseThrow(), "GOOD"));
        assertThat(notSampled.getKey()).isEqualTo(404);
        assertThat(notSampled.getValue()).contains("is not in a QA sample");

        // the hub manager grades it over RSocket, as the QA view does
        QaGrade graded = rsocketAs("hub.manager").route(QualityRoutes.GRADE)
                .data(new GradeRequest(ref, Map.of("Threshold applied correctly", "MET", "Child's voice recorded",
                        "NOT_MET", "Consent handled", "MET", "Partners consulted", "PARTLY_MET", "Timeliness", "MET"),
                        "REQUIRES_IMPROVEMENT", "Clear rationale; record the child's own words next time."))
                .retrieveMono(QaGrade.class).block(WAIT);
        assertThat(graded.reference()).isEqualTo(ref);
        assertThat(graded.grade()).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(graded.week()).isEqualTo("2020-W12");
        assertThat(graded.decidedBy()).isEqualTo("duty.lead");
        assertThat(graded.answers()).extracting(a -> a.item() + "=" + a.answer()).containsExactly(
                "Threshold applied correctly=MET", "Child's voice recorded=NOT_MET", "Consent handled=MET",
                "Partners consulted=PARTLY_MET", "Timeliness=MET");

        // in the trail, with who graded it and the feedback
        assertThat(trail(ref)).filteredOn(entry -> entry.action() == AuditAction.QA_GRADED).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("hub.manager");
                    assertThat(entry.reason()).isEqualTo("Clear rationale; record the child's own words next time.");
                    assertThat(entry.detail()).contains("REQUIRES_IMPROVEMENT").contains("Child's voice recorded: NOT_MET");
                });

        // graded once only
        var twice = attempt(ADMIN, "/api/quality/grades", grade(ref, "GOOD"));
        assertThat(twice.getKey()).isEqualTo(409);
        assertThat(twice.getValue()).startsWith("application/problem+json").contains("Already graded");
        assertThatThrownBy(() -> rsocketAs("admin").route(QualityRoutes.GRADE)
                .data(new GradeRequest(ref, Map.of("Threshold applied correctly", "MET", "Child's voice recorded",
                        "MET", "Consent handled", "MET", "Partners consulted", "MET", "Timeliness", "MET"), "GOOD", "x"))
                .retrieveMono(QaGrade.class).block(WAIT))
                .isInstanceOfSatisfying(CustomRSocketException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(QualityRoutes.REFUSED);
                    assertThat(e.getMessage()).contains("graded already");
                });

        // the lead who decided reads it; another lead does not
        var feedback = as(LEAD).get().uri("/api/quality/feedback").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<QaGrade>>() { }).block(WAIT);
        assertThat(feedback).filteredOn(g -> g.reference().equals(ref)).singleElement()
                .satisfies(g -> {
                    assertThat(g.feedback()).isEqualTo("Clear rationale; record the child's own words next time.");
                    assertThat(g.gradedByName()).isEqualTo("Priya Shah (hub manager)");
                });
        var others = rsocketAs("duty.lead2").route(QualityRoutes.MY_FEEDBACK)
                .retrieveMono(new ParameterizedTypeReference<List<QaGrade>>() { }).block(WAIT);
        assertThat(others).extracting(QaGrade::reference).doesNotContain(ref);

        // the sample shows the grade beside the decision
        var read = as(MANAGER).get().uri("/api/quality/samples/2020-W12").retrieve().bodyToMono(QaSample.class)
                .block(WAIT);
        assertThat(read.decisions().getFirst().grade().grade()).isEqualTo("REQUIRES_IMPROVEMENT");
    }

    @Test
    void nobodyGradesTheirOwnDecisionAndAnEmptyOrFutureWeekIsNotDrawn() {
        // Thursday of 2020-W14, decided by the admin, who then tries to grade it
        decidedIn(Instant.parse("2020-04-02T09:30:00Z"), 2, ADMIN);
        var sample = as(ADMIN).post().uri("/api/quality/samples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"week\": \"2020-W14\"}").retrieve().bodyToMono(QaSample.class).block(WAIT);
        String ref = sample.decisions().getFirst().reference();
        var own = attempt(ADMIN, "/api/quality/grades", grade(ref, "GOOD"));
        assertThat(own.getKey()).isEqualTo(409);
        assertThat(own.getValue()).contains("Not your own decision").contains("someone else grades it");
        assertThat(trail(ref)).extracting(AuditEntry::action).doesNotContain(AuditAction.QA_GRADED);

        var empty = attempt(MANAGER, "/api/quality/samples", "{\"week\": \"2019-W30\"}");
        assertThat(empty.getKey()).isEqualTo(409);
        assertThat(empty.getValue()).contains("Nothing to sample").contains("2019-W30");
        var future = attempt(MANAGER, "/api/quality/samples", "{\"week\": \"2099-W01\"}");
        assertThat(future.getKey()).isEqualTo(400);
        assertThat(future.getValue()).contains("\"field\":\"week\"").contains("has not begun");
        var none = as(MANAGER).get().uri("/api/quality/samples/2019-W30")
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .map(text -> response.statusCode().value() + " " + text)).block(WAIT);
        assertThat(none).startsWith("404").contains("No QA sample has been drawn for 2019-W30");
    }
}
