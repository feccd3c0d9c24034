package org.mashlive.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo day.
 *
 * @param enabled         whether to run it; when not set, it runs with the embedded database and
 *                        never with an external one
 * @param speed           how many times faster than real time simulated time runs: at 60 a
 *                        simulated day passes in 24 real minutes
 * @param seed            a fixed seed for a repeatable run; when not set, a random one (logged)
 * @param backfill        whether to fill an empty database with the last days first
 * @param backfillDays    how many days back an empty database is filled: 3 makes a demo board, 30 a month to report on
 * @param contactsPerYear contacts a year at the front door; 15,000 is a London borough
 * @throws IllegalArgumentException naming the property when speed or contactsPerYear is not positive, or backfillDays
 *                                  is not from 1 to 366
 */
@ConfigurationProperties("mash.simulation")
record SimulationProperties(
        Boolean enabled,
        @DefaultValue("60") double speed,
        Long seed,
        @DefaultValue("true") boolean backfill,
        @DefaultValue("3") int backfillDays,
        @DefaultValue("15000") int contactsPerYear) {

    SimulationProperties {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("mash.simulation.speed must be positive, was " + speed);
        }
        if (backfillDays < 1 || backfillDays > 366) {
            throw new IllegalArgumentException("mash.simulation.backfill-days must be from 1 to 366, was "
                    + backfillDays);
        }
        if (contactsPerYear <= 0) {
            throw new IllegalArgumentException("mash.simulation.contacts-per-year must be positive, was "
                    + contactsPerYear);
        }
    }

    /** Whether the simulation runs, given whether the embedded database is in use. */
    boolean runsWith(boolean embeddedDatabase) {
        return enabled != null ? enabled : embeddedDatabase;
    }
}
