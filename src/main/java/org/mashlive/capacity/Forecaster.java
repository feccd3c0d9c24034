package org.mashlive.capacity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.capacity.api.BreachForecast;
import org.mashlive.platform.WorkingCalendar;

/**
 * Forecasts breaches from the open queue, each referral's due time, the rota and the recent pace
 * (docs/decisions/0017-breach-forecast.md). A pure function of its inputs: the same queue, rota,
 * pace and instant give the same forecast.
 *
 * <p>The hub is modelled as working its queue earliest-due first (the order the duty view puts it
 * in), at {@code pace} decisions per hour for every deciding worker on shift, so the referrals
 * already past their timescale are worked first. Time is walked in {@link #STEP}s (the rota's
 * changes are seen at that resolution): in each, the workers on shift do {@code pace × workers ×
 * step} referrals' worth of decisions, fractions carried over, and a referral whose turn comes
 * after its due time is forecast to breach. Referrals yet to arrive are not modelled, so the
 * forecast is a floor: new Red contacts would jump the queue.
 */
final class Forecaster {

    /** The roles that decide referrals, in and out of core hours. */
    static final Set<StaffRole> DECIDING = EnumSet.of(StaffRole.SOCIAL_WORKER, StaffRole.SENIOR_PRACTITIONER,
            StaffRole.OOH_DUTY_SOCIAL_WORKER);

    /** The resolution of the walk through time. */
    static final Duration STEP = Duration.ofMinutes(5);

    /** How far back the pace is measured. */
    static final Duration PACE_WINDOW = Duration.ofHours(24);

    static final Duration NEXT = Duration.ofHours(4);

    private Forecaster() {
    }

    /**
     * The forecast at {@code now}.
     *
     * @param open             the open referrals (the breached among them are worked first)
     * @param staff            the hub's people; only those in {@link #DECIDING} roles count
     * @param shifts           the rota: at least {@link #PACE_WINDOW} back and to the end of the next core day
     * @param decidedInWindow  referrals decided in the {@link #PACE_WINDOW} before {@code now}
     * @return the forecast, or null while the pace cannot be known (nobody deciding was on shift
     *         in the window)
     */
    static BreachForecast forecast(Instant now, Collection<ReferralCard> open, Collection<StaffCard> staff,
                                   Collection<ShiftCard> shifts, int decidedInWindow, WorkingCalendar calendar) {
        Map<Long, StaffCard> deciders = staff.stream()
                .filter(person -> person.active() && DECIDING.contains(person.role()))
                .collect(Collectors.toMap(StaffCard::id, Function.identity()));
        List<ShiftCard> deciding = shifts.stream().filter(shift -> deciders.containsKey(shift.staffId())).toList();
        double workerHours = workerHours(deciding, now.minus(PACE_WINDOW), now);
        if (workerHours <= 0) {
            return null;
        }
        double pace = decidedInWindow / workerHours;
        Instant endOfCore = endOfCoreHours(now, calendar);
        Instant coreStart = coreStart(endOfCore, calendar);

        var next4 = walk(now, now.plus(NEXT), open, deciding, pace, 0, coreStart, endOfCore);
        var endOfDay = walk(now, endOfCore, open, deciding, pace, 0, coreStart, endOfCore);
        Integer extra = 0;
        if (endOfDay.total() > 0) {
            extra = null;
            for (int n = 1; n <= BreachForecast.MOST_EXTRA_WORKERS; n++) {
                if (walk(now, endOfCore, open, deciding, pace, n, coreStart, endOfCore).total() == 0) {
                    extra = n;
                    break;
                }
            }
        }
        return new BreachForecast(now, pace, next4, endOfDay, extra);
    }

    /**
     * Walks the queue from {@code now} to {@code until} and counts, by RAG, the referrals due in
     * {@code (now, until]} that are not decided by their due time. The k-th referral of the queue
     * (earliest due first, from 1) is decided when the work done since {@code now} reaches k.
     */
    static BreachForecast.Horizon walk(Instant now, Instant until, Collection<ReferralCard> open,
                                       List<ShiftCard> deciding, double pace, int extraInCore, Instant coreStart,
                                       Instant coreEnd) {
        List<ReferralCard> queue = open.stream()
                .filter(card -> card.open() && card.dueAt() != null)
                .sorted(Comparator.comparing(ReferralCard::dueAt).thenComparing(ReferralCard::id))
                .toList();
        var decidedAt = new Instant[queue.size()];
        double done = 0;           // referrals' worth of decisions since now, fractions included
        int decided = 0;
        Instant t = now;
        while (t.isBefore(until) && decided < queue.size()) {
            Instant stepEnd = t.plus(STEP).isAfter(until) ? until : t.plus(STEP);
            int workers = onShift(deciding, t) + (!t.isBefore(coreStart) && t.isBefore(coreEnd) ? extraInCore : 0);
            double perHour = pace * workers;
            double after = done + perHour * Duration.between(t, stepEnd).toMillis() / 3_600_000.0;
            while (decided < queue.size() && decided + 1 <= after + 1e-9) {
                // when within the step the work done reached this referral's turn
                double hoursIn = (decided + 1 - done) / perHour;
                decidedAt[decided++] = t.plusMillis(Math.max(0, Math.round(hoursIn * 3_600_000)));
            }
            done = after;
            t = stepEnd;
        }
        int red = 0;
        int amber = 0;
        int green = 0;
        int unrated = 0;
        for (int k = 0; k < queue.size(); k++) {
            var card = queue.get(k);
            boolean dueInHorizon = card.dueAt().isAfter(now) && !card.dueAt().isAfter(until);
            if (dueInHorizon && (decidedAt[k] == null || decidedAt[k].isAfter(card.dueAt()))) {
                switch (card.rag()) {
                    case RED -> red++;
                    case AMBER -> amber++;
                    case GREEN -> green++;
                    case null -> unrated++;
                }
            }
        }
        return new BreachForecast.Horizon(until, red, amber, green, unrated);
    }

    /** Hours on shift of the deciding people in {@code [from, to)}. */
    static double workerHours(List<ShiftCard> deciding, Instant from, Instant to) {
        long millis = 0;
        for (var shift : deciding) {
            Instant start = shift.start().isAfter(from) ? shift.start() : from;
            Instant end = shift.end().isBefore(to) ? shift.end() : to;
            if (end.isAfter(start)) {
                millis += Duration.between(start, end).toMillis();
            }
        }
        return millis / 3_600_000.0;
    }

    private static int onShift(List<ShiftCard> deciding, Instant t) {
        int n = 0;
        for (var shift : deciding) {
            if (shift.covers(t)) {
                n++;
            }
        }
        return n;
    }

    /** The end of today's core hours if they are still ahead, else of the next working day's. */
    static Instant endOfCoreHours(Instant now, WorkingCalendar calendar) {
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < 14; i++, day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                Instant end = day.atTime(calendar.dayEnd()).atZone(calendar.zone()).toInstant();
                if (end.isAfter(now)) {
                    return end;
                }
            }
        }
        throw new IllegalStateException("no working day in the next two weeks of " + calendar);
    }

    private static Instant coreStart(Instant endOfCore, WorkingCalendar calendar) {
        LocalDate day = endOfCore.atZone(calendar.zone()).toLocalDate();
        return day.atTime(calendar.dayStart()).atZone(calendar.zone()).toInstant();
    }
}
