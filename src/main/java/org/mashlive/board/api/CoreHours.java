package org.mashlive.board.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hub's core hours as data, so that every board derives out-of-hours cover the same way: one
 * period a day from {@code dayStart} (inclusive) to {@code dayEnd} (exclusive) local time, on the
 * working days of the week that are not bank holidays. Everything else is out of hours, covered by
 * the out-of-hours duty social workers.
 *
 * <p>The same rules as the backend's working calendar; periods are wall-clock time in
 * {@code zone}, so across a clock change a day still runs from {@code dayStart} to {@code dayEnd}.
 *
 * @param zone         the zone the hours are local to
 * @param dayStart     when core hours start, local time
 * @param dayEnd       when they end, local time, after {@code dayStart}
 * @param workingDays  the days of the week that have core hours
 * @param bankHolidays the bank holidays the board needs: from a month back onwards
 */
public record CoreHours(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workingDays,
                        List<LocalDate> bankHolidays) {

    /** 08:45–17:00 Monday to Friday in Europe/London, with no bank holidays. */
    public static final CoreHours WEEKDAYS = new CoreHours(ZoneId.of("Europe/London"), LocalTime.of(8, 45),
            LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of());

    public CoreHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(dayEnd, "dayEnd");
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("dayEnd (" + dayEnd + ") must be after dayStart (" + dayStart + ")");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("workingDays must name at least one day of the week");
        }
        workingDays = Set.copyOf(workingDays);
        bankHolidays = bankHolidays == null ? List.of() : List.copyOf(new TreeSet<>(bankHolidays));
    }

    /** Whether {@code date} has core hours: a working day of the week and not a bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !bankHolidays.contains(date);
    }

    /** Whether {@code t} falls inside core hours. */
    public boolean isCore(Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        return isWorkingDay(date) && !t.isBefore(startOf(date)) && t.isBefore(endOf(date));
    }

    /** When core hours start on {@code date} (whether or not it is a working day). */
    public Instant startOf(LocalDate date) {
        return ZonedDateTime.of(date, dayStart, zone).toInstant();
    }

    /** When core hours end on {@code date} (whether or not it is a working day). */
    public Instant endOf(LocalDate date) {
        return ZonedDateTime.of(date, dayEnd, zone).toInstant();
    }

    /** Every instant in {@code (from, to]} at which core hours start or end, in order. */
    public List<Instant> boundaries(Instant from, Instant to) {
        var result = new ArrayList<Instant>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Instant t : List.of(startOf(date), endOf(date))) {
                if (t.isAfter(from) && !t.isAfter(to)) {
                    result.add(t);
                }
            }
        }
        return result;
    }

    /**
     * The start of the last working day whose core hours have ended by {@code now}: what was taken
     * out of hours since then waits for pick-up at the start of the next working day. On a Monday
     * morning before 08:45, or during Monday's core hours, that is Friday 08:45; on Monday evening,
     * Monday 08:45. Looks back at most a year (there is always a working day in it).
     */
    public Instant startOfLastWorkingDay(Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 366; i++, date = date.minusDays(1)) {
            if (isWorkingDay(date) && !endOf(date).isAfter(now)) {
                return startOf(date);
            }
        }
        throw new IllegalStateException("no working day in the year before " + now);
    }
}
