package org.mashlive.board.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole board at one sequence number.
 *
 * @param seq        the last event folded in; events after it change this snapshot
 * @param at         when it was assembled (UTC)
 * @param open       every open referral
 * @param day        the working day (Europe/London) that {@code arrivals} counts
 * @param arrivals   contacts received on {@code day}, by source
 * @param recent     the latest events, newest first, for the ticker
 * @param timescales the timescales in force, for labels
 * @param allocations who works each open case
 */
public record BoardSnapshot(
        long seq,
        Instant at,
        List<ReferralCard> open,
        LocalDate day,
        Map<Source, Integer> arrivals,
        List<BoardEvent> recent,
        List<TimescaleInfo> timescales,
        List<AllocationCard> allocations) {

    public BoardSnapshot {
        open = List.copyOf(open);
        arrivals = Map.copyOf(arrivals);
        recent = List.copyOf(recent);
        timescales = List.copyOf(timescales);
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** A snapshot in which nothing is allocated. */
    public BoardSnapshot(long seq, Instant at, List<ReferralCard> open, LocalDate day, Map<Source, Integer> arrivals,
                         List<BoardEvent> recent, List<TimescaleInfo> timescales) {
        this(seq, at, open, day, arrivals, recent, timescales, List.of());
    }
}
