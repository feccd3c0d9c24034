package org.mashlive.wallboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mashlive.capacity.api.BreachForecast;

/**
 * The breach forecast in words, for the board and the capacity view: "At today's pace 3 Amber will
 * breach by 17:00; 1 more social worker on shift would clear them." Counts and times only.
 */
public final class ForecastText {

    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);

    private ForecastText() {
    }

    /** What a board says while the backend cannot make a forecast: no deciding hours in the last day. */
    public static final String UNKNOWN = "No forecast yet: nobody deciding was on shift in the last day";

    /** The forecast to the end of core hours with what would clear it; {@link #UNKNOWN} for none. */
    public static String endOfDay(BreachForecast forecast, ZoneId zone) {
        if (forecast == null) {
            return UNKNOWN;
        }
        var horizon = forecast.endOfCoreHours();
        String by = by(horizon.until(), forecast.at(), zone);
        if (horizon.total() == 0) {
            return "At today's pace no referral will breach " + by + ".";
        }
        return "At today's pace " + breaches(horizon) + " will breach " + by + "; " + clear(forecast) + ".";
    }

    /** The forecast for the next four hours: "In the next 4 h 1 Red will breach" or "none will". */
    public static String next4Hours(BreachForecast forecast, ZoneId zone) {
        if (forecast == null) {
            return UNKNOWN;
        }
        var horizon = forecast.next4Hours();
        return horizon.total() == 0 ? "None forecast to breach in the next 4 hours (" + by(horizon.until(), forecast.at(), zone) + ")"
                : breaches(horizon) + " forecast to breach in the next 4 hours (" + by(horizon.until(), forecast.at(), zone) + ")";
    }

    /** "3 Amber", "1 Red and 2 Amber", "2 Red, 1 Green and 1 not rated". */
    static String breaches(BreachForecast.Horizon horizon) {
        var parts = new ArrayList<String>();
        add(parts, horizon.red(), "Red");
        add(parts, horizon.amber(), "Amber");
        add(parts, horizon.green(), "Green");
        add(parts, horizon.unrated(), "not rated");
        return join(parts);
    }

    /** "1 more social worker on shift would clear them", or that more than the most tried would not. */
    static String clear(BreachForecast forecast) {
        Integer extra = forecast.extraWorkersToClear();
        if (extra == null) {
            return BreachForecast.MOST_EXTRA_WORKERS + " more social workers on shift would not clear them";
        }
        return extra + (extra == 1 ? " more social worker" : " more social workers") + " on shift would clear them";
    }

    /** "by 17:00" today (in the hub's zone), "by Mon 17:00" on another day. */
    static String by(Instant until, Instant at, ZoneId zone) {
        boolean sameDay = until.atZone(zone).toLocalDate().equals(at.atZone(zone).toLocalDate());
        return "by " + (sameDay ? BoardText.clock(until, zone) : WEEKDAY_TIME.format(until.atZone(zone)));
    }

    private static void add(List<String> parts, int count, String rag) {
        if (count > 0) {
            parts.add(count + " " + rag);
        }
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}
