package org.mashlive.wallboard.duty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DueSoon;
import org.mashlive.wallboard.RagColumn;
import org.mashlive.wallboard.WarningWindows;

/**
 * The duty lead's queue, read from the shared board: open referrals in the order the lead chose,
 * filtered. References and initials only; identifying detail is fetched per person.
 */
final class DutyQueue {

    /** Breaches first, then Red, then the longest waiting: what needs a lead's eyes first. */
    static final Comparator<Row> PRIORITY = Comparator.comparing(Row::breached).reversed()
            .thenComparing(row -> row.card().rag() != Rag.RED)
            .thenComparing(row -> row.card().receivedAt())
            .thenComparing(row -> row.card().id());

    /** Least time left first, so the breached (negative) lead, most overdue first; no timescale last. */
    static final Comparator<Row> TIME_LEFT = Comparator.comparing(Row::timeLeft,
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> row.card().id());

    /** The longest waiting first. */
    static final Comparator<Row> WAITING = Comparator.comparing((Row row) -> row.card().receivedAt())
            .thenComparing(row -> row.card().id());

    /** The orders a lead can choose. */
    enum Order {
        PRIORITY("Breaches, Red, longest waiting", DutyQueue.PRIORITY),
        TIME_LEFT("Time left (breached first)", DutyQueue.TIME_LEFT),
        WAITING("Longest waiting", DutyQueue.WAITING);

        private final String label;
        private final Comparator<Row> comparator;

        Order(String label, Comparator<Row> comparator) {
            this.label = label;
            this.comparator = comparator;
        }

        String label() {
            return label;
        }

        Comparator<Row> comparator() {
            return comparator;
        }
    }

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
     * @param dueSoon    whether it was due soon at {@code now} (see {@link DueSoon})
     */
    record Row(ReferralCard card, AllocationCard allocation, AllocationCard checks, boolean breached, Duration waited,
               Duration timeLeft, boolean dueSoon) {

        /** The time left in words, with "due soon" when it is. */
        String timeLeftText() {
            return BoardText.timeLeft(timeLeft) + (dueSoon ? " · due soon" : "");
        }

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
     * @param mine   only cases this user (a username) last allocated or moved
     * @param search only references containing this text (any case; "57" finds MASH-2026-000057)
     */
    record Filter(Stage stage, RagColumn rag, Source source, Long person, String mine, String search) {

        static final long NOBODY = 0L;
        static final Filter ALL = new Filter(null, null, null, null, null, null);

        boolean accepts(Row row) {
            return (stage == null || row.card().stage() == stage)
                    && (rag == null || RagColumn.of(row.card().rag()) == rag)
                    && (source == null || row.card().source() == source)
                    && (person == null || (row.allocation() == null ? person == NOBODY
                            : row.allocation().staffId() == person))
                    && (mine == null || mine(row))
                    && (search == null || search.isBlank()
                            || row.reference().toLowerCase(Locale.ROOT).contains(search.strip().toLowerCase(Locale.ROOT)));
        }

        private boolean mine(Row row) {
            return (row.allocation() != null && mine.equals(row.allocation().allocatedBy()))
                    || (row.checks() != null && mine.equals(row.checks().allocatedBy()));
        }

        /**
         * What an empty queue under this filter means, in words: "No Red referrals in Screening",
         * not an empty grid.
         *
         * @param personName the name of {@link #person}, when one is chosen
         */
        String emptyText(String personName) {
            var text = new StringBuilder("No ");
            if (rag != null) {
                text.append(rag == RagColumn.NOT_RATED ? "unrated " : rag.label() + " ");
            }
            text.append(mine != null ? "referrals of yours" : "referrals");
            if (source != null) {
                text.append(" from ").append(source.label());
            }
            if (stage != null) {
                text.append(" in ").append(stage.label());
            }
            if (person != null) {
                text.append(person == NOBODY ? " waiting for someone" : " with " + personName);
            }
            if (search != null && !search.isBlank()) {
                text.append(" matching “").append(search.strip()).append("”");
            }
            return text.toString();
        }

        /** Whether anything is filtered. */
        boolean any() {
            return !equals(ALL) && !(stage == null && rag == null && source == null && person == null && mine == null
                    && (search == null || search.isBlank()));
        }
    }

    /**
     * The open referrals of {@code state} at {@code now}, in {@code order}, that {@code filter} accepts,
     * each marked due soon by {@code windows}.
     */
    static List<Row> rows(BoardState state, Instant now, Filter filter, Order order, WarningWindows windows) {
        var rows = new ArrayList<Row>();
        for (var card : state.open()) {
            var row = row(state, card, now, windows);
            if (filter.accepts(row)) {
                rows.add(row);
            }
        }
        rows.sort(order.comparator());
        return List.copyOf(rows);
    }

    /** The open referral {@code reference} at {@code now}, whatever the filter; null once it is no longer open. */
    static Row find(BoardState state, Instant now, String reference, WarningWindows windows) {
        for (var card : state.open()) {
            if (card.reference().equals(reference)) {
                return row(state, card, now, windows);
            }
        }
        return null;
    }

    private static Row row(BoardState state, ReferralCard card, Instant now, WarningWindows windows) {
        var allocation = state.allocation(WorkType.REFERRAL, card.id()).orElse(null);
        var checks = card.policeCheck() == PoliceCheck.WAITING
                ? state.allocation(WorkType.POLICE_CHECK, card.id()).orElse(null)
                : null;
        return new Row(card, allocation, checks, card.breachedAt(now), Duration.between(card.receivedAt(), now),
                card.dueAt() == null ? null : Duration.between(now, card.dueAt()),
                DueSoon.dueSoon(card, state.rota().settings().coreHours(), windows, now));
    }
}
