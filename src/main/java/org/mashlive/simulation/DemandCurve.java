package org.mashlive.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.mashlive.board.api.Source;

/**
 * How many contacts arrive, by source, hour of day and day of week: the rates of a
 * non-homogeneous Poisson process, constant within each local hour.
 *
 * <p>Each source follows a blend of two daily shapes: office hours (peaks mid-morning and early
 * afternoon, almost nothing at night) and round the clock (police notifications and the border
 * carry on through the evening and night). Weekends and bank holidays scale each source down by
 * its own factor: education nearly stops, police hardly change. The rates are scaled so that each
 * source's share of a year's contacts is exactly its {@link Profile#share()}; the shares follow
 * the domain notes (police about a third, then health, then education).
 */
final class DemandCurve {

    /** Relative arrivals by local hour for contacts made in office hours (professionals). */
    private static final double[] OFFICE = {
            0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3,  // 00-07
            1.5, 4.0, 5.5, 5.0, 3.6, 4.4, 5.0, 4.6,        // 08-15: peaks 10:00 and 14:00
            3.4, 1.4, 0.5, 0.3, 0.15, 0.1, 0.08, 0.06};    // 16-23

    /**
     * Relative arrivals by local hour for sources that work round the clock. Police notifications
     * follow incidents (evenings and nights stay busy) and the officers' day processing them.
     */
    private static final double[] ROUND_THE_CLOCK = {
            2.2, 1.8, 1.4, 1.1, 0.9, 0.8, 0.9, 1.2,
            1.8, 2.6, 3.0, 3.0, 2.8, 2.9, 3.0, 3.0,
            3.0, 2.9, 2.8, 2.8, 2.8, 2.7, 2.6, 2.4};

    /** Mondays carry the weekend's backlog; Fridays are a little quieter. */
    private static final Map<DayOfWeek, Double> WEEKDAY = Map.of(
            DayOfWeek.MONDAY, 1.10, DayOfWeek.TUESDAY, 1.0, DayOfWeek.WEDNESDAY, 1.0,
            DayOfWeek.THURSDAY, 1.0, DayOfWeek.FRIDAY, 0.95);

    private static final double WEEKS_PER_YEAR = 365.25 / 7;

    /**
     * One source's demand.
     *
     * @param source  who makes the contact
     * @param share   its share of a year's contacts
     * @param office  how much of its daily shape is office hours (the rest is round the clock)
     * @param weekend its rate on a weekend day or bank holiday, relative to a Tuesday
     */
    record Profile(Source source, double share, double office, double weekend) {
    }

    /** The default mix for a London borough front door. */
    static final List<Profile> LONDON_BOROUGH = List.of(
            new Profile(Source.POLICE, 0.30, 0.25, 0.85),
            new Profile(Source.HEALTH, 0.20, 0.70, 0.40),
            new Profile(Source.EDUCATION, 0.15, 0.97, 0.03),
            new Profile(Source.FAMILY_SELF, 0.13, 0.70, 0.45),
            new Profile(Source.VOLUNTARY, 0.10, 0.90, 0.15),
            new Profile(Source.OTHER_LOCAL_AUTHORITY, 0.08, 0.95, 0.05),
            new Profile(Source.BORDER_FORCE, 0.04, 0.30, 0.90));

    private final Map<Source, double[]> hourly = new EnumMap<>(Source.class);
    private final Map<Source, Double> weekend = new EnumMap<>(Source.class);
    private final Set<LocalDate> bankHolidays;
    private final double peak;

    /**
     * @param contactsPerYear how many contacts a year, all sources together
     * @param profiles        the sources, with shares adding up to 1
     * @param bankHolidays    days that run like a weekend day
     */
    DemandCurve(double contactsPerYear, List<Profile> profiles, Set<LocalDate> bankHolidays) {
        if (!(contactsPerYear > 0)) {
            throw new IllegalArgumentException("contacts per year must be positive, was " + contactsPerYear);
        }
        double shares = profiles.stream().mapToDouble(Profile::share).sum();
        if (Math.abs(shares - 1) > 1e-9) {
            throw new IllegalArgumentException("source shares must add up to 1, not " + shares);
        }
        double officeTotal = sum(OFFICE);
        double clockTotal = sum(ROUND_THE_CLOCK);
        double weekdays = WEEKDAY.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Profile profile : profiles) {
            // a shape that sums to 1 over a day, scaled so that one week carries the source's share
            double perWeek = profile.share() * contactsPerYear / WEEKS_PER_YEAR;
            double perDayUnit = perWeek / (weekdays + 2 * profile.weekend());
            double[] rates = new double[24];
            for (int h = 0; h < 24; h++) {
                rates[h] = perDayUnit * (profile.office() * OFFICE[h] / officeTotal
                        + (1 - profile.office()) * ROUND_THE_CLOCK[h] / clockTotal);
            }
            hourly.put(profile.source(), rates);
            weekend.put(profile.source(), profile.weekend());
        }
        this.bankHolidays = Set.copyOf(bankHolidays);
        double max = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int h = 0; h < 24; h++) {
                max = Math.max(max, total(day, false, h));
            }
        }
        this.peak = max;
    }

    /** Expected contacts per hour, all sources, at local time {@code at}. */
    double arrivalsPerHour(LocalDateTime at) {
        return total(at.getDayOfWeek(), bankHolidays.contains(at.toLocalDate()), at.getHour());
    }

    /** Expected contacts per hour from {@code source} at local time {@code at}. */
    double arrivalsPerHour(Source source, LocalDateTime at) {
        double[] rates = hourly.get(source);
        return rates == null ? 0 : rates[at.getHour()] * dayFactor(source, at.getDayOfWeek(),
                bankHolidays.contains(at.toLocalDate()));
    }

    /** Expected contacts on local {@code day}, counting 24 hours. */
    double expectedOn(LocalDate day) {
        double total = 0;
        for (int h = 0; h < 24; h++) {
            total += arrivalsPerHour(day.atTime(h, 0));
        }
        return total;
    }

    /** The highest hourly rate of any hour of the week: the bound for thinning. */
    double peakPerHour() {
        return peak;
    }

    /** A source for a contact arriving at {@code at}, drawn in proportion to the sources' rates then. */
    Source sourceAt(LocalDateTime at, RandomGenerator random) {
        double u = random.nextDouble() * arrivalsPerHour(at);
        Source last = null;
        for (Source source : hourly.keySet()) {
            last = source;
            u -= arrivalsPerHour(source, at);
            if (u < 0) {
                return source;
            }
        }
        return last;
    }

    private double total(DayOfWeek day, boolean bankHoliday, int hour) {
        double total = 0;
        for (var entry : hourly.entrySet()) {
            total += entry.getValue()[hour] * dayFactor(entry.getKey(), day, bankHoliday);
        }
        return total;
    }

    private double dayFactor(Source source, DayOfWeek day, boolean bankHoliday) {
        Double weekday = WEEKDAY.get(day);
        return bankHoliday || weekday == null ? weekend.get(source) : weekday;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
