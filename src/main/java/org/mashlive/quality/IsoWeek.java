package org.mashlive.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Pattern;

import org.mashlive.platform.InvalidInputException;

/** An ISO week ({@code 2026-W48}) in the hub's zone: Monday 00:00 to the next Monday 00:00. */
record IsoWeek(String name, Instant start, Instant end) {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-W\\d{2}");

    /** The week {@code text} names; the week of {@code now} when it is empty. Refused naming {@code field}. */
    static IsoWeek parse(String field, String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return of(LocalDate.ofInstant(now, zone), zone);
        }
        String week = text.strip();
        if (!SHAPE.matcher(week).matches()) {
            throw new InvalidInputException(field, "must be an ISO week such as 2026-W48");
        }
        try {
            return of(LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE), zone);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO week such as 2026-W48; " + week + " has no such week");
        }
    }

    /** The week {@code date} is in. */
    static IsoWeek of(LocalDate date, ZoneId zone) {
        LocalDate monday = date.minusDays(date.getDayOfWeek().getValue() - 1L);
        String name = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new IsoWeek(name, monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }
}
