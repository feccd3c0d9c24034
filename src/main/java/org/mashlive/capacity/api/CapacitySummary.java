package org.mashlive.capacity.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The hub's capacity figures at one instant: the front door now and its trend over the last
 * {@link #DAYS} days (Europe/London), today included.
 *
 * @param at                 when the figures were taken (UTC)
 * @param today              the last day of the trend, the day {@code at} falls on
 * @param openNow            referrals open now
 * @param breachedNow        open referrals past their timescale now
 * @param arrivalsToday      contacts received today so far
 * @param averageArrivals    contacts received per day on average over the {@link #DAYS} days before today
 * @param arrivals           contacts per day, oldest first, one entry per day of the trend
 * @param timeliness         decisions per day against their timescales, oldest first, one entry per day
 * @param reReferralRate     the share (0 to 1) of the trend's contacts that were re-referrals; 0 with no contacts
 * @param outOfHoursContacts contacts of the trend received outside core hours
 * @param workforce          staffing by team and role; empty while no staffing figures are available
 * @param partnerRequests    partner information requests outstanding; empty while none are tracked
 * @param availableWorkers   people on shift now and not on a break, every team; null while no
 *                           staffing figures are available
 * @param forecast           the breaches forecast at the recent pace with the rota; null while it
 *                           cannot be made (no rota, or nobody deciding on shift in the last day)
 */
public record CapacitySummary(
        Instant at,
        LocalDate today,
        int openNow,
        int breachedNow,
        int arrivalsToday,
        double averageArrivals,
        List<DailyArrivals> arrivals,
        List<DailyTimeliness> timeliness,
        double reReferralRate,
        int outOfHoursContacts,
        List<RoleStaffing> workforce,
        List<PartnerRequests> partnerRequests,
        Integer availableWorkers,
        BreachForecast forecast) {

    /** How many days the trend covers, today included. */
    public static final int DAYS = 14;

    /** A summary without the available workers. */
    public CapacitySummary(Instant at, LocalDate today, int openNow, int breachedNow, int arrivalsToday,
                           double averageArrivals, List<DailyArrivals> arrivals, List<DailyTimeliness> timeliness,
                           double reReferralRate, int outOfHoursContacts, List<RoleStaffing> workforce,
                           List<PartnerRequests> partnerRequests) {
        this(at, today, openNow, breachedNow, arrivalsToday, averageArrivals, arrivals, timeliness, reReferralRate,
                outOfHoursContacts, workforce, partnerRequests, null, null);
    }

    /** A summary without a forecast. */
    public CapacitySummary(Instant at, LocalDate today, int openNow, int breachedNow, int arrivalsToday,
                           double averageArrivals, List<DailyArrivals> arrivals, List<DailyTimeliness> timeliness,
                           double reReferralRate, int outOfHoursContacts, List<RoleStaffing> workforce,
                           List<PartnerRequests> partnerRequests, Integer availableWorkers) {
        this(at, today, openNow, breachedNow, arrivalsToday, averageArrivals, arrivals, timeliness, reReferralRate,
                outOfHoursContacts, workforce, partnerRequests, availableWorkers, null);
    }

    /** This summary with {@code forecast}. */
    public CapacitySummary withForecast(BreachForecast forecast) {
        return new CapacitySummary(at, today, openNow, breachedNow, arrivalsToday, averageArrivals, arrivals,
                timeliness, reReferralRate, outOfHoursContacts, workforce, partnerRequests, availableWorkers, forecast);
    }

    public CapacitySummary {
        arrivals = List.copyOf(arrivals);
        timeliness = List.copyOf(timeliness);
        workforce = workforce == null ? List.of() : List.copyOf(workforce);
        partnerRequests = partnerRequests == null ? List.of() : List.copyOf(partnerRequests);
    }

    /**
     * Open referrals now per available worker: null while the available workers are not known,
     * infinite with referrals open and nobody available.
     */
    public Double openPerAvailableWorker() {
        if (availableWorkers == null) {
            return null;
        }
        if (availableWorkers > 0) {
            return (double) openNow / availableWorkers;
        }
        return openNow == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
}
