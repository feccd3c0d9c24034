package org.mashlive.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;

/**
 * The duty lead's queue, read from the shared board: open referrals, breaches first, then Red, then
 * the longest waiting. References and initials only; identifying detail is fetched per person.
 */
final class DutyQueue {

    /** Breached first, then Red, then by time waiting (oldest first). */
    static final Comparator<Row> ORDER = Comparator.comparing(Row::breached).reversed()
            .thenComparing(row -> row.card().rag() != Rag.RED)
            .thenComparing(row -> row.card().receivedAt())
            .thenComparing(row -> row.card().id());

    private DutyQueue() {
    }

    /**
     * One open referral as the duty view lists it.
     *
     * @param card       the board's card
     * @param allocation who works it, or null
     * @param checks     who works its police checks, or null
     * @param breached   whether its timescale had run out at {@code now}
     * @param waited     how long since it came in
     * @param timeLeft   until its due time (negative once breached), null without one
     */
    record Row(ReferralCard card, AllocationCard allocation, AllocationCard checks, boolean breached, Duration waited,
               Duration timeLeft) {

        String reference() {
            return card.reference();
        }

        String allocatedTo() {
            return allocation == null ? "Unallocated" : allocation.staffName();
        }

        String policeChecks() {
            return switch (card.policeCheck()) {
                case NOT_NEEDED -> "—";
                case DONE -> "Done";
                case WAITING -> checks == null ? "Waiting" : "Waiting · " + checks.staffName();
            };
        }
    }

    /**
     * What to show: any null field lets everything through.
     *
     * @param stage  only this stage
     * @param rag    only this RAG column (Not rated included)
     * @param source only this source
     * @param person only cases held by this person; {@link #NOBODY} for the unallocated
     */
    record Filter(Stage stage, RagColumn rag, Source source, Long person) {

        static final long NOBODY = 0L;
        static final Filter ALL = new Filter(null, null, null, null);

        boolean accepts(Row row) {
            return (stage == null || row.card().stage() == stage)
                    && (rag == null || RagColumn.of(row.card().rag()) == rag)
                    && (source == null || row.card().source() == source)
                    && (person == null || (row.allocation() == null ? person == NOBODY
                            : row.allocation().staffId() == person));
        }
    }

    /** The open referrals of {@code state} at {@code now}, in queue order, that {@code filter} accepts. */
    static List<Row> rows(BoardState state, Instant now, Filter filter) {
        return state.open().stream()
                .map(card -> row(state, card, now))
                .filter(filter::accepts)
                .sorted(ORDER)
                .toList();
    }

    private static Row row(BoardState state, ReferralCard card, Instant now) {
        var allocation = state.allocation(WorkType.REFERRAL, card.id()).orElse(null);
        var checks = card.policeCheck() == PoliceCheck.WAITING
                ? state.allocation(WorkType.POLICE_CHECK, card.id()).orElse(null)
                : null;
        return new Row(card, allocation, checks, card.breachedAt(now), Duration.between(card.receivedAt(), now),
                card.dueAt() == null ? null : Duration.between(now, card.dueAt()));
    }
}
