package org.mashlive.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Presence;
import org.mashlive.board.api.StaffRole;
import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.platform.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lays out the demo hub ({@link DemoHub}) on the embedded database, like the simulator: the
 * establishment and the people once, then the rota from yesterday to a week ahead, and again every
 * hour so the week ahead stays filled while it runs. Each day is recorded once laid out, and a
 * shift that is there already is refused as an overlap, so restarts on a kept data directory add
 * nothing twice.
 */
@Component
class DemoHubLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoHubLifecycle.class);

    /** How many days ahead of today the rota is kept laid out. */
    static final int DAYS_AHEAD = 7;

    private final StaffProperties properties;
    private final Environment environment;
    private final PostgresEndpoint database;
    private final StaffService staff;
    private final StaffRepository repository;
    private final TransactionalOperator transaction;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private volatile Disposable running;

    DemoHubLifecycle(StaffProperties properties, Environment environment, PostgresEndpoint database,
                     StaffService staff, StaffRepository repository, TransactionalOperator transaction,
                     WorkingCalendar calendar, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.database = database;
        this.staff = staff;
        this.repository = repository;
        this.transaction = transaction;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Whether it runs: {@code mash.staff.demo-seed}, else {@code mash.simulation.enabled}, else embedded only. */
    boolean enabled() {
        if (properties.demoSeed() != null) {
            return properties.demoSeed();
        }
        Boolean simulation = environment.getProperty("mash.simulation.enabled", Boolean.class);
        return simulation != null ? simulation : database.embedded();
    }

    @Override
    public void start() {
        if (!enabled()) {
            log.info("Demo hub off");
            return;
        }
        running = seed()
                .thenMany(Flux.interval(Duration.ofHours(1)).concatMap(tick -> layOutRota(), 1))
                .subscribe(null, failure -> log.error("Demo hub stopped", failure));
    }

    /** The people if there are none yet, the rota up to a week ahead, and one officer on a break. */
    Mono<Void> seed() {
        return hireIfEmpty()
                .then(layOutRota())
                .then(oneOfficerOnABreak());
    }

    private Mono<Void> hireIfEmpty() {
        return repository.count().flatMap(count -> {
            if (count > 0) {
                return Mono.empty();
            }
            Mono<Void> work = Flux.fromIterable(DemoHub.ESTABLISHMENT.entrySet())
                    .concatMap(line -> staff.setEstablishment(line.getKey(), line.getValue()))
                    .thenMany(Flux.fromIterable(DemoHub.PEOPLE).concatMap(staff::hire))
                    .then();
            return transaction.transactional(work)
                    .doOnSuccess(done -> log.info("Demo hub: {} people taken on", DemoHub.PEOPLE.size()));
        });
    }

    /** Lays out every day from yesterday to a week ahead that is not laid out yet. */
    Mono<Void> layOutRota() {
        var today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        return repository.people(false).collectList()
                .flatMapMany(people -> Flux.range(-1, DAYS_AHEAD + 2)
                        .map(today::plusDays)
                        .concatMap(day -> layOut(day, people)))
                .then();
    }

    private Mono<Void> layOut(LocalDate day, java.util.List<Person> people) {
        var shifts = DemoHub.plan(day, calendar.isWorkingDay(day), people, calendar.zone());
        Mono<Void> work = Flux.fromIterable(shifts)
                .concatMap(shift -> staff.addShift(shift.person().id(), shift.start(), shift.end())
                        .onErrorResume(RotaConflictException.class, already -> Mono.empty()))
                .then(repository.claimSeedDay(day))
                .doOnNext(claimed -> log.info("Demo hub: rota of {} laid out", day))
                .then();
        // a day recorded as laid out is left alone, even if shifts of it were removed since
        return repository.seedDayClaimed(day).flatMap(done -> done ? Mono.empty() : work);
    }

    private Mono<Void> oneOfficerOnABreak() {
        var now = clock.instant();
        return staff.rota(now).flatMap(rota -> {
            var officers = staff.people(false)
                    .filter(person -> person.role() == StaffRole.MASH_POLICE_OFFICER)
                    .filter(person -> rota.presence(person.card(), now) != Presence.OFF);
            return officers.collectList().flatMap(onSite -> {
                boolean anyOnBreak = onSite.stream()
                        .anyMatch(person -> rota.presence(person.card(), now) == Presence.ON_BREAK);
                if (anyOnBreak || onSite.size() < 2) {
                    return Mono.empty();
                }
                return staff.setBreak(onSite.getFirst().id(), true).then();
            });
        });
    }

    @Override
    public void stop() {
        var run = running;
        running = null;
        if (run != null) {
            run.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
