package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.SampledDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The seeded demo hub's disagreements and QA: after the back-fill, some disagreements are open (some
 * escalated past the practitioners), some resolved, on the capacity view's list; each whole week is
 * sampled with the seed's own seed and partly graded; the demo duty lead reads the feedback on the graded
 * decisions that are theirs. What is
 * in the database is exactly what the seed gives for these referrals, so the same seed gives the same
 * ones. The simulation then runs so slowly that nothing moves while it is compared.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "spring.main.web-application-type=reactive", "mash.rsocket.port=0",
                "mash.simulation.enabled=true", "mash.simulation.seed=" + SimulatedQualityIT.SEED,
                "mash.simulation.backfill-days=8", "mash.simulation.speed=0.0001"})
class SimulatedQualityIT {

    static final long SEED = 20261130L;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    SimulatedQuality quality;

    private <T> T get(String user, String uri, ParameterizedTypeReference<T> type) {
        return TestClients.web(port, TestClients.demoUser(user)).get().uri(uri).retrieve().bodyToMono(type).block(WAIT);
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void theSeededDemoHasDisagreementsAndGradedSamplesAndTheSeedGivesExactlyThese() {
        await().atMost(Duration.ofMinutes(8)).until(quality::done);
        Instant now = quality.recordedAt();

        var referrals = db.sql("SELECT reference, received_at FROM referral ORDER BY reference")
                .map(row -> new QualityPlan.Referral(row.get("reference", String.class),
                        row.get("received_at", OffsetDateTime.class).toInstant()))
                .all().collectList().block(WAIT);
        // those raised by now: one planned for a later hour waits for the live day
        var planned = QualityPlan.disagreements(SEED, referrals).stream()
                .filter(each -> !each.raisedAt().isAfter(now)).toList();

        var list = new ParameterizedTypeReference<List<Escalation>>() { };
        var open = get("hub.manager", "/api/escalations", list);
        var resolved = get("hub.manager", "/api/escalations/resolved", list);
        assertThat(open).as("open disagreements for the capacity view").isNotEmpty();
        assertThat(resolved).as("some resolved").isNotEmpty();
        assertThat(java.util.stream.Stream.concat(open.stream(), resolved.stream())).extracting(Escalation::stage)
                .as("some escalated past the practitioners").containsAnyOf("MANAGER", "HEAD_OF_SERVICE");

        // exactly the seed's: the same referrals, agencies, sides, concerns, times, stages and resolutions
        var all = new java.util.ArrayList<Escalation>(open);
        all.addAll(resolved);
        assertThat(all).hasSameSizeAs(planned);
        var byReference = all.stream().collect(Collectors.toMap(Escalation::reference, e -> e));
        for (var each : planned) {
            var found = byReference.get(each.reference());
            assertThat(found).as(each.reference()).isNotNull();
            assertThat(found.agency()).isEqualTo(each.agency());
            assertThat(found.raisedBy()).isEqualTo(each.raisedBy());
            assertThat(found.openedAt()).isEqualTo(micros(each.raisedAt()));
            assertThat(found.stage()).isEqualTo(each.stageAt(now));
            assertThat(found.resolvedAt()).isEqualTo(each.resolvedAt() != null && !each.resolvedAt().isAfter(now)
                    ? micros(each.resolvedAt()) : null);
            assertThat(found.openedByName()).isEqualTo("Simulated hub manager (demo) (hub manager)");
        }

        // every whole week of the back-fill is sampled with the seed's own seed, and graded as the seed says
        var weeks = quality.weeksToDraw(now);
        assertThat(weeks).isNotEmpty();
        var checklist = get("hub.manager", "/api/quality/checklist",
                new ParameterizedTypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        var items = (List<String>) checklist.get("items");
        var gradedDecisions = new java.util.ArrayList<QaGrade>();
        for (String week : weeks) {
            var monday = LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
            long closed = db.sql("SELECT count(*) AS n FROM referral WHERE decided_at >= :from AND decided_at < :to")
                    .bind("from", monday.atStartOfDay(LONDON).toOffsetDateTime())
                    .bind("to", monday.plusWeeks(1).atStartOfDay(LONDON).toOffsetDateTime())
                    .map(row -> row.get("n", Long.class)).one().block(WAIT);
            if (closed == 0) {
                // a back-fill that reaches only a weekend of the week: no decision closed in it, nothing to draw
                continue;
            }
            var sample = get("hub.manager", "/api/quality/samples/" + week, new ParameterizedTypeReference<QaSample>() { });
            assertThat(sample.seed()).isEqualTo(QualityPlan.sampleSeed(SEED, week));
            assertThat(sample.drawnByName()).isEqualTo("Simulated hub manager (demo) (hub manager)");
            var references = sample.decisions().stream().map(SampledDecision::reference).toList();
            var expected = QualityPlan.grades(SEED, week, references, items);
            var shown = sample.decisions().stream().filter(d -> d.grade() != null).map(SampledDecision::grade).toList();
            assertThat(shown).extracting(QaGrade::reference)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(QualityPlan.Grade::reference).toList());
            for (var grade : expected) {
                var found = shown.stream().filter(g -> g.reference().equals(grade.reference())).findFirst().orElseThrow();
                assertThat(found.grade()).isEqualTo(grade.grade());
                assertThat(found.feedback()).isEqualTo(grade.feedback());
                assertThat(found.answers()).allSatisfy(answer ->
                        assertThat(answer.answer()).isEqualTo(grade.answers().get(answer.item())));
            }
            assertThat(expected.size()).isLessThanOrEqualTo(references.size());
            gradedDecisions.addAll(shown);
        }
        assertThat(gradedDecisions).as("graded decisions in the QA queue").isNotEmpty();

        // the demo's duty lead makes one decision in three, and reads the feedback on exactly those of theirs
        // that were graded: a week's sample grades only a few, so which they are, if any, depends on the day
        var theirs = gradedDecisions.stream().filter(grade -> "duty.lead".equals(grade.decidedBy()))
                .map(QaGrade::reference).toList();
        var feedback = get("duty.lead", "/api/quality/feedback", new ParameterizedTypeReference<List<QaGrade>>() { });
        assertThat(feedback).extracting(QaGrade::reference).containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(feedback).allSatisfy(grade -> {
            assertThat(grade.decidedBy()).isEqualTo("duty.lead");
            assertThat(grade.feedback()).startsWith("Simulated:");
        });
    }
}
