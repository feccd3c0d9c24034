package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo's disagreements and grades follow from the seed alone: the same seed, the same ones. */
class QualityPlanTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<String> CHECKLIST = List.of("Threshold applied correctly", "Child's voice recorded",
            "Consent handled", "Partners consulted", "Timeliness");

    private static List<QualityPlan.Referral> referrals(int count) {
        var referrals = new ArrayList<QualityPlan.Referral>();
        for (int i = 1; i <= count; i++) {
            referrals.add(new QualityPlan.Referral("MASH-2026-%06d".formatted(i), START.plus(Duration.ofMinutes(37L * i))));
        }
        return referrals;
    }

    @Test
    void theSameSeedAndReferralsGiveTheSameDisagreementsAndAnotherSeedOthers() {
        var once = QualityPlan.disagreements(20261130L, referrals(200));
        var again = QualityPlan.disagreements(20261130L, referrals(200).reversed());
        assertThat(again).isEqualTo(once);
        assertThat(QualityPlan.disagreements(7L, referrals(200))).isNotEqualTo(once);
    }

    @Test
    void aboutOneReferralInTwentyFiveHasADisagreementSomeEscalatedSomeResolved() {
        var planned = QualityPlan.disagreements(20261130L, referrals(200));
        assertThat(planned).hasSize(8);
        assertThat(planned).extracting(QualityPlan.Disagreement::reference).doesNotHaveDuplicates().isSorted();
        assertThat(QualityPlan.disagreements(1L, referrals(50))).hasSize(3);
        assertThat(QualityPlan.disagreements(1L, referrals(2))).hasSize(2);
        // any three: one left open, one escalated past the practitioners, one resolved
        for (long seed = 0; seed < 8; seed++) {
            var three = QualityPlan.disagreements(seed, referrals(50));
            assertThat(three).hasSize(3);
            assertThat(three).anyMatch(d -> d.resolvedAt() == null);
            assertThat(three).anyMatch(d -> d.resolvedAt() != null);
            assertThat(three).anyMatch(d -> !d.steps().isEmpty());
        }

        // across seeds: some stay with practitioners, some reach managers and heads of service, some resolved
        var many = new ArrayList<QualityPlan.Disagreement>();
        for (long seed = 0; seed < 20; seed++) {
            many.addAll(QualityPlan.disagreements(seed, referrals(200)));
        }
        Instant later = START.plus(Duration.ofDays(60));
        assertThat(many).extracting(d -> d.stageAt(later)).contains("PRACTITIONER", "MANAGER", "HEAD_OF_SERVICE");
        assertThat(many).filteredOn(d -> d.resolvedAt() != null).hasSizeBetween(many.size() / 4, many.size() * 3 / 4);
        for (var each : many) {
            var referral = referrals(200).stream().filter(r -> r.reference().equals(each.reference())).findFirst()
                    .orElseThrow();
            assertThat(each.raisedAt()).isAfter(referral.receivedAt());
            Instant previous = each.raisedAt();
            for (var step : each.steps()) {
                assertThat(step.at()).isAfter(previous);
                previous = step.at();
            }
            if (each.resolvedAt() != null) {
                assertThat(each.resolvedAt()).isAfter(previous);
                assertThat(each.resolution()).isNotBlank();
            }
            assertThat(each.concern()).startsWith("Simulated:");
        }
    }

    @Test
    void gradesFollowTheSeedAndWeekAndAnswerEveryItem() {
        var sampled = List.of("MASH-2026-000004", "MASH-2026-000017", "MASH-2026-000023", "MASH-2026-000031",
                "MASH-2026-000042", "MASH-2026-000050");
        var grades = QualityPlan.grades(20261130L, "2026-W48", sampled, CHECKLIST);
        assertThat(QualityPlan.grades(20261130L, "2026-W48", sampled.reversed(), CHECKLIST)).isEqualTo(grades);
        assertThat(grades).isNotEmpty().hasSizeLessThan(sampled.size() + 1);
        assertThat(grades).allSatisfy(grade -> {
            assertThat(grade.answers()).containsOnlyKeys(CHECKLIST);
            assertThat(grade.grade()).isIn("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE");
            assertThat(grade.feedback()).startsWith("Simulated:");
            if (grade.answers().values().stream().filter("NOT_MET"::equals).count() >= 2) {
                assertThat(grade.grade()).isEqualTo("INADEQUATE");
            }
        });
        // one sampled decision is always graded, so the demo's feedback has something
        assertThat(QualityPlan.grades(3L, "2026-W48", List.of("MASH-2026-000004"), CHECKLIST)).hasSize(1);
        assertThat(QualityPlan.sampleSeed(20261130L, "2026-W48")).isEqualTo(QualityPlan.sampleSeed(20261130L, "2026-W48"))
                .isNotEqualTo(QualityPlan.sampleSeed(20261130L, "2026-W47"));
    }
}
