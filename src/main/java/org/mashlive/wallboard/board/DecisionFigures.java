package org.mashlive.wallboard.board;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

import org.mashlive.board.api.ReferralCard;

/**
 * The decision figures of the board: how many decisions wait for a lead's sign-off and for how long
 * the oldest has, and how many statutory decisions fall due later today, and how many of those are
 * at risk (due within {@link #AT_RISK}), and how many are already past their statutory time. Counts and an
 * age only: nothing of the decisions.
 *
 * @param awaitingSignOff decisions waiting for sign-off
 * @param oldestWait      how long the longest-waiting of them has waited; null when none waits
 * @param dueToday        open referrals whose decision is due later today (London), not yet late
 * @param atRisk          of those, the ones due within {@link #AT_RISK}
 * @param late            open referrals whose decision was due before now: late on the statutory clock
 */
record DecisionFigures(int awaitingSignOff, Duration oldestWait, int dueToday, int atRisk, int late) {

    /** How close to its due time a decision is at risk. */
    static final Duration AT_RISK = Duration.ofHours(2);

    static final DecisionFigures NONE = new DecisionFigures(0, null, 0, 0, 0);

    /** @param zone the hub's zone, whose calendar day is "today" */
    static DecisionFigures of(Collection<ReferralCard> open, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int waiting = 0;
        Instant oldest = null;
        int due = 0;
        int risk = 0;
        int late = 0;
        for (var card : open) {
            if (card.awaitingSignOff()) {
                waiting++;
                oldest = oldest == null || card.awaitingSignOffSince().isBefore(oldest) ? card.awaitingSignOffSince()
                        : oldest;
            }
            var dueAt = card.decisionDueAt();
            if (card.open() && dueAt != null && dueAt.isBefore(now)) {
                late++;
            }
            if (card.open() && dueAt != null && !dueAt.isBefore(now)
                    && LocalDate.ofInstant(dueAt, zone).equals(today)) {
                due++;
                if (Duration.between(now, dueAt).compareTo(AT_RISK) <= 0) {
                    risk++;
                }
            }
        }
        return new DecisionFigures(waiting, oldest == null ? null : Duration.between(oldest, now), due, risk, late);
    }
}
