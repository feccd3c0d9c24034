package org.mashlive.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hub's working hours: one working period a day, from {@code dayStart} (inclusive) to
 * {@code dayEnd} (exclusive) local time, on the working days of the week that are not bank
 * holidays. Everything else (evenings, nights, weekends, bank holidays) is out of hours.
 *
 * <p>Periods are local time in {@link #zone()}, so across a clock change a working day still runs
 * from {@code dayStart} to {@code dayEnd} on the wall clock. If a clock change falls inside a
 * working period, that day's period is as long as the wall clock says (an hour shorter or longer).
 *
 * <p>Immutable and thread-safe. The arithmetic steps one calendar day at a time, never minute by
 * minute, so a clock of a few weeks costs a few dozen steps.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> bankHolidays;

    /**
     * @param zone         the zone the working hours are local to
     * @param dayStart     when a working day starts, local time
     * @param dayEnd       when it ends, local time; must be after {@code dayStart} (no overnight periods)
     * @param workingDays  the days of the week that are worked; at least one
     * @param bankHolidays dates that are not worked even when they fall on a working day
     * @throws IllegalArgumentException if {@code dayEnd} is not after {@code dayStart}, or no day is worked
     * @throws NullPointerException     if any argument or element is null
     */
    public WorkingCalendar(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workingDays,
                           Set<LocalDate> bankHolidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
        this.dayEnd = Objects.requireNonNull(dayEnd, "dayEnd");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(bankHolidays, "bankHolidays");
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException(
                    "dayEnd (" + dayEnd + ") must be after dayStart (" + dayStart + ")");
        }
        if (workingDays.isEmpty()) {
            // with no working day, no amount of working time could ever pass
            throw new IllegalArgumentException("workingDays must name at least one day of the week");
        }
        this.workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    /** The zone the working hours are local to. */
    public ZoneId zone() {
        return zone;
    }

    /** When a working day starts, local time. */
    public LocalTime dayStart() {
        return dayStart;
    }

    /** When a working day ends, local time. */
    public LocalTime dayEnd() {
        return dayEnd;
    }

    /** The days of the week that are worked. */
    public Set<DayOfWeek> workingDays() {
        return workingDays;
    }

    /** The bank holidays this calendar knows of. */
    public Set<LocalDate> bankHolidays() {
        return bankHolidays;
    }

    /** Whether {@code date} is a working day of the week and not a bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return workingDays.contains(date.getDayOfWeek()) && !bankHolidays.contains(date);
    }

    /** Whether {@code t} falls inside a working period: {@code [dayStart, dayEnd)} local time on a working day. */
    public boolean isWorkingTime(Instant t) {
        Objects.requireNonNull(t, "t");
        LocalDate date = localDate(t);
        return isWorkingDay(date) && !t.isBefore(startOf(date)) && t.isBefore(endOf(date));
    }

    /**
     * {@code t} itself if it is working time, otherwise the start of the next working period.
     */
    public Instant nextWorkingStart(Instant t) {
        Objects.requireNonNull(t, "t");
        LocalDate date = localDate(t);
        if (isWorkingDay(date)) {
            Instant start = startOf(date);
            if (t.isBefore(start)) {
                return start;
            }
            if (t.isBefore(endOf(date))) {
                return t;
            }
        }
        return startOf(nextWorkingDay(date));
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}. A start
     * out of hours begins counting at the next working start. An amount that uses up a working
     * period exactly ends at that period's end (17:00 that day, not the next morning).
     *
     * @param amount working time to add; zero returns {@code start} unchanged, even out of hours
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount of working time must not be negative, was " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Instant cursor = nextWorkingStart(start);
        LocalDate date = localDate(cursor);
        Duration left = amount;
        while (true) {
            // cursor is inside the working period of date
            Instant end = endOf(date);
            Duration available = Duration.between(cursor, end);
            if (available.isNegative()) {
                // only when a clock change swallows a whole period (hours set inside the gap): nothing to count
                available = Duration.ZERO;
            }
            if (left.compareTo(available) <= 0) {
                return cursor.plus(left);
            }
            left = left.minus(available);
            date = nextWorkingDay(date);
            cursor = startOf(date);
        }
    }

    /**
     * The working time inside {@code [from, to)}; zero if {@code to} is not after {@code from}.
     * For a positive amount, {@code workingTimeBetween(s, plusWorkingTime(s, amount))} is {@code amount}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant start = max(startOf(date), from);
            Instant end = min(endOf(date), to);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + " " + dayStart + "-" + dayEnd + " " + new TreeSet<>(workingDays)
                + ", " + bankHolidays.size() + " bank holidays]";
    }

    private LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    /** The first working day after {@code date}; terminates because some weekday is worked and holidays are finite. */
    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private Instant startOf(LocalDate date) {
        return ZonedDateTime.of(date, dayStart, zone).toInstant();
    }

    private Instant endOf(LocalDate date) {
        return ZonedDateTime.of(date, dayEnd, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
