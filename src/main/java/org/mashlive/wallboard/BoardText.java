package org.mashlive.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mashlive.board.api.Rota;

/**
 * How the board words times, ages and shares. Times are shown in the hub's zone, which the backend
 * carries in the board snapshot from its calendar configuration ({@link BoardFeed#zone()}).
 */
public final class BoardText {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_HOURS_MINUTES = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter WEEKDAY_HOURS_MINUTES = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private BoardText() {
    }

    /** A wait in whole minutes, for example {@code 45 m}, {@code 3 h 12 m}, {@code 2 d 4 h}; {@code < 1 m} below a minute. */
    public static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "< 1 m";
        }
        if (minutes < 60) {
            return minutes + " m";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + (minutes % 60) + " m";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }

    /** What is left of a timescale: {@code 1 h 5 m left}, {@code breached 25 m ago}, or {@code no timescale}. */
    public static String timeLeft(Duration left) {
        if (left == null) {
            return "no timescale";
        }
        return left.isNegative() ? "breached " + duration(left.negated()) + " ago" : duration(left) + " left";
    }

    /**
     * How long past its due time a referral is: {@code 25 m late}, as the partners tile says of its
     * oldest request. "Late" rather than "overdue": the longest line of the breaches list (the "Not
     * rated" badge, a reference, {@code 11 h 32 m}) must fit its tile at every size.
     */
    public static String late(Instant dueAt, Instant now) {
        return duration(Duration.between(dueAt, now)) + " late";
    }

    /** The time of day in {@code zone}, {@code 14:02}. */
    public static String clock(Instant instant, ZoneId zone) {
        return HOURS_MINUTES.format(instant.atZone(zone));
    }

    /** The date of a day, {@code Tue 3 Jun}. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** {@code ● LIVE}, or {@code STALE since 14:02} (with the date when it is not today). */
    public static String liveness(Liveness liveness, Instant now, ZoneId zone) {
        if (liveness.live()) {
            return "● LIVE";
        }
        ZonedDateTime since = liveness.staleSince().atZone(zone);
        boolean today = since.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return "STALE since " + (today ? HOURS_MINUTES : DAY_HOURS_MINUTES).format(since);
    }

    /**
     * When something happens, in the board's words: {@code 17:00} today, {@code Sat 08:45} on
     * another day, {@code none within two weeks} when null.
     */
    public static String when(Instant at, Instant now, ZoneId zone) {
        if (at == null) {
            return "none within two weeks";
        }
        var local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? HOURS_MINUTES : WEEKDAY_HOURS_MINUTES).format(local);
    }

    /**
     * A gap in out-of-hours cover: {@code Sat 02:00–08:45 · 0 of 1 on duty}, with the end's day
     * too when it ends on another day ({@code Fri 17:00–Mon 08:45 · …}).
     */
    public static String gap(Rota.CoverGap gap, ZoneId zone) {
        var start = gap.start().atZone(zone);
        var end = gap.end().atZone(zone);
        String until = (end.toLocalDate().equals(start.toLocalDate()) ? HOURS_MINUTES : WEEKDAY_HOURS_MINUTES)
                .format(end);
        return WEEKDAY_HOURS_MINUTES.format(start) + "–" + until + " · " + gap.onDuty() + " of " + gap.minimum()
                + " on duty";
    }

    /** A share rounded to a whole percent, {@code 42%}. */
    public static String percent(double percent) {
        return Math.round(percent) + "%";
    }
}
