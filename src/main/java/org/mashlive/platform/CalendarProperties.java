package org.mashlive.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's working hours, from which working-hours timescale clocks are counted.
 *
 * @param zone         the zone the hours are local to; default Europe/London
 * @param dayStart     start of the working day, local time; default 08:45
 * @param dayEnd       end of the working day, local time, after {@code dayStart}; default 17:00
 * @param workingDays  days of the week that are worked; default Monday to Friday
 * @param bankHolidays dates not worked; when not configured (or empty), the bank holidays of England
 *                     and Wales from {@code calendar/bank-holidays-england-and-wales.txt} on the
 *                     classpath; a configured list replaces that file entirely
 */
@ConfigurationProperties("mash.calendar")
public record CalendarProperties(
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("08:45") LocalTime dayStart,
        @DefaultValue("17:00") LocalTime dayEnd,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
        Set<LocalDate> bankHolidays) {
}
