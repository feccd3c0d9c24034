package org.mashlive.simulation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.platform.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Starts the demo day with the backend (last, once everything else runs) and stops it first on
 * shutdown, before the database goes. Decides at start whether it runs at all.
 */
@Component
class SimulationLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulationLifecycle.class);

    private final SimulationProperties properties;
    private final PostgresEndpoint database;
    private final FrontDoor door;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private volatile Disposable running;
    private volatile Simulator simulator;
    private volatile Long seed;

    SimulationLifecycle(SimulationProperties properties, PostgresEndpoint database, FrontDoor door, Clock clock,
                        WorkingCalendar calendar) {
        this.properties = properties;
        this.database = database;
        this.door = door;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public void start() {
        if (!properties.runsWith(database.embedded())) {
            log.info("Simulation off (mash.simulation.enabled={}, {} database)", properties.enabled(),
                    database.embedded() ? "embedded" : "external");
            return;
        }
        long seed = properties.seed() != null ? properties.seed() : new SecureRandom().nextLong();
        this.seed = seed;
        var model = ContactModel.seeded(seed, properties.contactsPerYear(), CoreHours.of(calendar));
        var now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        log.info("Simulation on: speed {}x, seed {}, about {} contacts expected on simulated {} ({} a year){}",
                properties.speed(), seed, Math.round(model.expectedOn(today)), today, properties.contactsPerYear(),
                properties.backfill() ? ", back-filling an empty database with the last " + properties.backfillDays() + " days"
                        : "");
        simulator = new Simulator(model, door, Schedulers.parallel(), properties.speed(),
                properties.backfill() ? Duration.ofDays(properties.backfillDays()) : Duration.ZERO);
        running = simulator.start(now);
    }

    @Override
    public void stop() {
        var run = running;
        running = null;
        if (run != null) {
            run.dispose();
            log.info("Simulation stopped");
        }
    }

    /** Whether the running simulation has filled the past and goes on live; false when off. */
    boolean warm() {
        var running = simulator;
        return running != null && isRunning() && running.warm();
    }

    /** Whether the running simulation back-filled an empty database: a new demo hub. */
    boolean backfilled() {
        var running = simulator;
        return running != null && running.backfilled();
    }

    /** The seed of the running simulation, as logged at its start; null when it is off. */
    Long seed() {
        return seed;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
