package org.mashlive.simulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.mashlive.platform.WorkingCalendar;

/**
 * The hub's core hours, when the full MASH team screens: by default weekdays 08:45 to 17:00 in
 * Europe/London (the domain's out-of-hours service covers 17:00 to 08:45 and weekends), bank
 * holidays excepted; the running simulation takes them from the hub's calendar
 * ({@link #of(WorkingCalendar)}). Work that can wait moves on in core time only; a Red case is
 * worked through the night.
 *
 * @param zone         the zone the hours are local to
 * @param opens        start of the core day
 * @param closes       end of the core day, after {@code opens}
 * @param workingDays  the days of the week with core hours
 * @param bankHolidays days with no core hours
 */
record CoreHours(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays,
                 Set<LocalDate> bankHolidays) {

    static final LocalTime OPENS = LocalTime.of(8, 45);
    static final LocalTime CLOSES = LocalTime.of(17, 0);

    CoreHours {
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("core hours must close after they open");
        }
        workingDays = Set.copyOf(workingDays);
        bankHolidays = Set.copyOf(bankHolidays);
    }

    /** The core hours of the hub's calendar. */
    static CoreHours of(WorkingCalendar calendar) {
        return new CoreHours(calendar.zone(), calendar.dayStart(), calendar.dayEnd(), calendar.workingDays(),
                calendar.bankHolidays());
    }

    /** 08:45 to 17:00 on weekdays, except {@code bankHolidays}. */
    static CoreHours standard(Set<LocalDate> bankHolidays) {
        return new CoreHours(ZoneId.of("Europe/London"), OPENS, CLOSES,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), bankHolidays);
    }

    /** Whether {@code day} has core hours. */
    boolean workingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !bankHolidays.contains(day);
    }

    /** Whether {@code at} falls in core hours. */
    boolean open(LocalDateTime at) {
        return workingDay(at.toLocalDate()) && !at.toLocalTime().isBefore(opens) && at.toLocalTime().isBefore(closes);
    }

    /**
     * The local time reached after {@code working} of core time from {@code from}: time outside
     * core hours does not count, so work started in the evening begins when the hub next opens.
     */
    LocalDateTime plus(LocalDateTime from, Duration working) {
        LocalDateTime at = from;
        Duration left = working;
        while (true) {
            if (!workingDay(at.toLocalDate()) || !at.toLocalTime().isBefore(closes)) {
                at = nextWorkingDay(at.toLocalDate()).atTime(opens);
            } else if (at.toLocalTime().isBefore(opens)) {
                at = at.toLocalDate().atTime(opens);
            }
            Duration today = Duration.between(at.toLocalTime(), closes);
            if (left.compareTo(today) <= 0) {
                return at.plus(left);
            }
            left = left.minus(today);
            at = nextWorkingDay(at.toLocalDate()).atTime(opens);
        }
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!workingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
