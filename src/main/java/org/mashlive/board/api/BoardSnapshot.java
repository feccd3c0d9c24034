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
 * @param recent     the latest referral events, newest first, for the ticker
 * @param timescales the timescales in force, for labels
 * @param staff      the people in post (not those who have left)
 * @param shifts     their shifts that end after 24 hours before {@code at}: the recent past and
 *                   every shift ahead, so a board that runs for weeks on one snapshot and its
 *                   events still knows the whole rota ahead of it
 * @param rota       the settings the rota is read with: officers' maximum, out-of-hours minimum,
 *                   core hours and bank holidays
 * @param healthArrivals health contacts received on {@code day}, by the part of health they came from
 *                   ({@code GP}, {@code CAMHS}…; those recorded without one are not counted here)
 * @param informationOnlyArrivals contacts received on {@code day} for information only (needing no
 *                   decision), also counted in {@code arrivals}
 * @param partnerRequests the information requests to partners still waiting, of open referrals
 */
public record BoardSnapshot(
        long seq,
        Instant at,
        List<ReferralCard> open,
        LocalDate day,
        Map<Source, Integer> arrivals,
        List<BoardEvent> recent,
        List<TimescaleInfo> timescales,
        List<StaffCard> staff,
        List<ShiftCard> shifts,
        RotaSettings rota,
        List<AllocationCard> allocations,
        Map<String, Integer> healthArrivals,
        Integer informationOnlyArrivals,
        List<PartnerRequestCard> partnerRequests) {

    public BoardSnapshot {
        open = List.copyOf(open);
        arrivals = Map.copyOf(arrivals);
        recent = List.copyOf(recent);
        timescales = List.copyOf(timescales);
        // absent from a backend that has no staff module yet
        staff = staff == null ? List.of() : List.copyOf(staff);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        rota = rota == null ? RotaSettings.DEFAULT : rota;
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        // absent from a backend that does not break health down yet
        healthArrivals = healthArrivals == null ? Map.of() : Map.copyOf(healthArrivals);
        informationOnlyArrivals = informationOnlyArrivals == null ? 0 : informationOnlyArrivals;
        // absent from a backend that tracks no partner requests
        partnerRequests = partnerRequests == null ? List.of() : List.copyOf(partnerRequests);
    }

    /** A board without today's health contacts broken down, and with no partner requests. */
    public BoardSnapshot(long seq, Instant at, List<ReferralCard> open, LocalDate day, Map<Source, Integer> arrivals,
                         List<BoardEvent> recent, List<TimescaleInfo> timescales, List<StaffCard> staff,
                         List<ShiftCard> shifts, RotaSettings rota, List<AllocationCard> allocations) {
        this(seq, at, open, day, arrivals, recent, timescales, staff, shifts, rota, allocations, Map.of(), 0, List.of());
    }

    /** A board with no partner requests. */
    public BoardSnapshot(long seq, Instant at, List<ReferralCard> open, LocalDate day, Map<Source, Integer> arrivals,
                         List<BoardEvent> recent, List<TimescaleInfo> timescales, List<StaffCard> staff,
                         List<ShiftCard> shifts, RotaSettings rota, List<AllocationCard> allocations,
                         Map<String, Integer> healthArrivals, Integer informationOnlyArrivals) {
        this(seq, at, open, day, arrivals, recent, timescales, staff, shifts, rota, allocations, healthArrivals,
                informationOnlyArrivals, List.of());
    }

    /** A board without today's health contacts broken down. */
    public BoardSnapshot(long seq, Instant at, List<ReferralCard> open, LocalDate day, Map<Source, Integer> arrivals,
                         List<BoardEvent> recent, List<TimescaleInfo> timescales, List<StaffCard> staff,
                         List<ShiftCard> shifts, RotaSettings rota, List<AllocationCard> allocations,
                         List<PartnerRequestCard> partnerRequests) {
        this(seq, at, open, day, arrivals, recent, timescales, staff, shifts, rota, allocations, Map.of(), 0,
                partnerRequests);
    }

    /** A board in which nothing is allocated. */
    public BoardSnapshot(long seq, Instant at, List<ReferralCard> open, LocalDate day, Map<Source, Integer> arrivals,
                         List<BoardEvent> recent, List<TimescaleInfo> timescales, List<StaffCard> staff,
                         List<ShiftCard> shifts, RotaSettings rota) {
        this(seq, at, open, day, arrivals, recent, timescales, staff, shifts, rota, List.of());
    }

    /** A board of referrals only: nobody on the rota, default rota settings. */
    public BoardSnapshot(long seq, Instant at, List<ReferralCard> open, LocalDate day, Map<Source, Integer> arrivals,
                         List<BoardEvent> recent, List<TimescaleInfo> timescales) {
        this(seq, at, open, day, arrivals, recent, timescales, List.of(), List.of(), RotaSettings.DEFAULT, List.of());
    }
}
