package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/** The decisions tile's figures: sign-offs waiting and the oldest's age; decisions due later today and at risk. */
class DecisionFiguresTest {

    /** Tuesday 10 March 2026, 14:00 in London (GMT). */
    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private static ReferralCard card(long id, Instant decisionDue, Instant awaitingSince) {
        return new ReferralCard(id, "MASH-2026-" + id, NOW.minus(Duration.ofHours(20)), Channel.PHONE, Source.HEALTH,
                "A.B.", "k" + id, Rag.AMBER, Stage.AWAITING_DECISION, Set.of(), false, NOW.plus(Duration.ofDays(1)),
                null, null, PoliceCheck.NOT_NEEDED, decisionDue, awaitingSince);
    }

    @Test
    void countsWaitingSignOffsAndDecisionsDueLaterTodayWithThoseAtRisk() {
        var figures = DecisionFigures.of(List.of(
                // due in an hour, its decision waiting for sign-off for 95 minutes: due today, at risk
                card(1, NOW.plus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(95))),
                // due at 16:59: due today, not yet at risk
                card(2, Instant.parse("2026-03-10T16:59:00Z"), null),
                // due at 15:59: due today, at risk (within two hours)
                card(3, Instant.parse("2026-03-10T15:59:00Z"), NOW.minus(Duration.ofMinutes(10))),
                // already late: overdue, not "due today"
                card(4, NOW.minus(Duration.ofMinutes(1)), null),
                // due tomorrow
                card(5, Instant.parse("2026-03-11T09:00:00Z"), null),
                // an older card without the decision time
                card(6, null, null)), NOW, org.mashlive.TestZone.LONDON);
        assertThat(figures.awaitingSignOff()).isEqualTo(2);
        assertThat(figures.oldestWait()).isEqualTo(Duration.ofMinutes(95));
        assertThat(figures.dueToday()).isEqualTo(3);
        assertThat(figures.atRisk()).isEqualTo(2);
        // the one past its time, counted as late
        assertThat(figures.late()).isEqualTo(1);
        assertThat(DecisionsTile.note(figures)).isEqualTo("· 2 at risk · 1 late");
    }

    @Test
    void lateDecisionsAreShownWhenNoneIsDueLaterToday() {
        var closed = new ReferralCard(9, "MASH-2026-9", NOW.minus(Duration.ofDays(3)), Channel.PHONE, Source.HEALTH,
                "A.B.", "k9", Rag.AMBER, Stage.DECIDED, Set.of(), false, NOW.plus(Duration.ofDays(1)), null, null,
                PoliceCheck.NOT_NEEDED, NOW.minus(Duration.ofDays(2)), (Instant) null);
        var figures = DecisionFigures.of(List.of(card(1, NOW.minus(Duration.ofHours(3)), null),
                card(2, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1))), closed), NOW,
                org.mashlive.TestZone.LONDON);
        // two open referrals past their decision time; a decided one is late no more
        assertThat(figures.dueToday()).isZero();
        assertThat(figures.late()).isEqualTo(2);
        assertThat(DecisionsTile.note(figures)).isEqualTo("· 2 late");
        assertThat(DecisionsTile.note(DecisionFigures.NONE)).isEmpty();
    }

    @Test
    void nothingWaitingHasNoAge() {
        var figures = DecisionFigures.of(List.of(), NOW, org.mashlive.TestZone.LONDON);
        assertThat(figures).isEqualTo(new DecisionFigures(0, null, 0, 0, 0));
    }

    @Test
    void todayIsLondonsDayAcrossMidnightInSummer() {
        // 23:30 UTC on 14 July is 00:30 on 15 July in London: a decision due 16:59 on the 15th is due today
        var lateEvening = Instant.parse("2026-07-14T23:30:00Z");
        var figures = DecisionFigures.of(List.of(card(1, Instant.parse("2026-07-15T15:59:00Z"), null)), lateEvening,
                org.mashlive.TestZone.LONDON);
        assertThat(figures.dueToday()).isEqualTo(1);
        assertThat(figures.atRisk()).isZero();
    }
}
