package org.mashlive.capacity.api;

import java.time.Instant;

/**
 * How many open referrals will pass their timescale, at the hub's recent pace with the people on
 * the rota (docs/decisions/0017-breach-forecast.md says how it is worked out and how wrong it has
 * been on the simulated hub).
 *
 * @param at                 when the forecast was made
 * @param pacePerWorkerHour  decisions per hour of a deciding worker on shift, over the last day
 * @param next4Hours         the breaches forecast before {@code at} plus four hours
 * @param endOfCoreHours     the breaches forecast before the end of today's core hours, or of the
 *                           next working day's when {@code at} is after them
 * @param extraWorkersToClear how many more social workers on shift for the rest of the core day
 *                           would leave no breach by its end: 0 when none is forecast, null when
 *                           more than {@link #MOST_EXTRA_WORKERS} would not do it
 */
public record BreachForecast(Instant at, double pacePerWorkerHour, Horizon next4Hours, Horizon endOfCoreHours,
                             Integer extraWorkersToClear) {

    /** The most extra workers the forecast tries before saying more would not clear the day. */
    public static final int MOST_EXTRA_WORKERS = 5;

    /** Breaches forecast before {@code until}, by RAG ({@code unrated}: contacts not yet rated). */
    public record Horizon(Instant until, int red, int amber, int green, int unrated) {

        /** Every breach forecast before {@code until}. */
        public int total() {
            return red + amber + green + unrated;
        }
    }
}
