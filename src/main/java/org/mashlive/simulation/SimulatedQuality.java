package org.mashlive.simulation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.mashlive.audit.Actor;
import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.quality.Escalations;
import org.mashlive.quality.QualityAssurance;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.mashlive.quality.api.SampledDecision;
import org.mashlive.referral.Referral;
import org.mashlive.referral.ReferralNotFoundException;
import org.mashlive.referral.ReferralService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo hub's quality work: once the simulation has back-filled a new demo database, the hub's
 * people raise a few professional disagreements with partners about the back-filled referrals (some
 * escalated to managers and heads of service, some resolved; steps still ahead happen live at the
 * simulation's speed), and the simulated hub manager draws the QA sample of each week the back-fill
 * covers and grades about two in three of it. All from the simulation's seed ({@link QualityPlan}), so
 * the same seed gives the same disagreements and grades.
 *
 * <p>When the back-filled days hold no whole week, the current week is drawn as it stands: the QA
 * screen then says it was drawn mid-week and covers the decisions closed until then.
 */
@Component
class SimulatedQuality implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedQuality.class);
    static final Actor MANAGER = new Actor("sim.manager", "Simulated hub manager (demo)", "HUB_MANAGER");
    /** How often the start waits to see the simulation warm, in real time. */
    private static final Duration POLL = Duration.ofMillis(500);

    private final SimulationProperties settings;
    private final PostgresEndpoint database;
    private final SimulationLifecycle simulation;
    private final ReferralService referrals;
    private final Escalations escalations;
    private final QualityAssurance quality;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private volatile Disposable.Composite running;
    private volatile boolean done;
    /** The simulated moment the back-filled part was recorded at: steps up to it are taken, later ones live. */
    private volatile Instant recordedAt;

    SimulatedQuality(SimulationProperties settings, PostgresEndpoint database, SimulationLifecycle simulation,
                     ReferralService referrals, Escalations escalations, QualityAssurance quality,
                     WorkingCalendar calendar, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.simulation = simulation;
        this.referrals = referrals;
        this.escalations = escalations;
        this.quality = quality;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!settings.runsWith(database.embedded())) {
            return;
        }
        var all = Disposables.composite();
        running = all;
        all.add(Flux.interval(POLL).filter(tick -> simulation.warm()).next()
                .flatMap(tick -> simulation.backfilled() && simulation.seed() != null
                        ? demo(simulation.seed(), all) : Mono.empty())
                .doFinally(signal -> done = true)
                .subscribe(null, e -> log.warn("Simulated disagreements and QA stopped", e)));
    }

    /** Whether the back-filled part is recorded (or there was none to record). */
    boolean done() {
        return done;
    }

    /** When the back-filled part was recorded; null before. */
    Instant recordedAt() {
        return recordedAt;
    }

    private Mono<Void> demo(long seed, Disposable.Composite all) {
        Instant now = clock.instant();
        recordedAt = now;
        return backfilled().collectList()
                .flatMap(found -> {
                    var planned = QualityPlan.disagreements(seed, found);
                    log.info("Simulation raises {} professional disagreements about {} back-filled referrals",
                            planned.size(), found.size());
                    return Flux.fromIterable(planned).concatMap(each -> record(each, all, now)).then();
                })
                .then(Flux.fromIterable(weeksToDraw(now)).concatMap(week -> drawAndGrade(seed, week)).then());
    }

    /** The back-filled referrals, by reference: this year's and last year's, numbered without gaps. */
    private Flux<QualityPlan.Referral> backfilled() {
        int year = LocalDate.ofInstant(clock.instant(), calendar.zone()).getYear();
        return Flux.just(year - 1, year).concatMap(y -> Flux.range(1, Integer.MAX_VALUE)
                .concatMap(n -> referrals.find("MASH-%d-%06d".formatted(y, n))
                        .map(found -> List.of(found))
                        .onErrorResume(ReferralNotFoundException.class, e -> Mono.just(List.<Referral>of())), 1)
                .takeWhile(found -> !found.isEmpty())
                .map(found -> new QualityPlan.Referral(found.getFirst().reference(), found.getFirst().receivedAt())));
    }

    /** Raises one disagreement and takes its steps: past ones at their times now, later ones live. */
    private Mono<Void> record(QualityPlan.Disagreement planned, Disposable.Composite all, Instant now) {
        var id = new AtomicLong();
        var steps = new ArrayList<Timed>();
        steps.add(new Timed(planned.raisedAt(), () -> escalations.raise(new RaiseEscalation(planned.reference(),
                        planned.agency(), planned.raisedBy(), planned.concern()), MANAGER, planned.raisedAt())
                .doOnNext(raised -> id.set(raised.id())).then()));
        for (var step : planned.steps()) {
            steps.add(new Timed(step.at(), () -> escalations.escalate(
                    new EscalationStep(id.get(), step.stage(), step.note()), MANAGER, step.at()).then()));
        }
        if (planned.resolvedAt() != null) {
            steps.add(new Timed(planned.resolvedAt(), () -> escalations.resolve(
                    new ResolveEscalation(id.get(), planned.resolution()), MANAGER, planned.resolvedAt()).then()));
        }
        return follow(steps, all, now).onErrorResume(e -> {
            log.debug("Simulated disagreement on {} skipped: {}", planned.reference(), e.toString());
            return Mono.empty();
        });
    }

    private record Timed(Instant at, java.util.function.Supplier<Mono<Void>> step) {
    }

    /** Takes the past steps in order now; schedules the rest in order, each at its simulated time. */
    private Mono<Void> follow(List<Timed> steps, Disposable.Composite all, Instant now) {
        var past = steps.stream().filter(step -> !step.at().isAfter(now)).toList();
        var later = steps.subList(past.size(), steps.size());
        return Flux.fromIterable(past).concatMap(step -> step.step().get()).then()
                .doOnSuccess(ok -> {
                    if (!later.isEmpty()) {
                        var next = later.getFirst();
                        after(Duration.between(now, next.at()), all, () -> follow(later, all, next.at()));
                    }
                });
    }

    /** Runs {@code work} after the real wait the simulation's speed makes of {@code simulated}. */
    private void after(Duration simulated, Disposable.Composite all, java.util.function.Supplier<Mono<Void>> work) {
        var wait = Duration.ofNanos((long) (Math.max(0, simulated.toNanos()) / settings.speed()));
        var slot = Disposables.swap();
        if (all.add(slot)) {
            slot.update(Mono.delay(wait).then(Mono.defer(work)).doFinally(signal -> all.remove(slot))
                    .subscribe(null, e -> log.debug("Simulated quality step skipped: {}", e.toString())));
        }
    }

    /**
     * The weeks to draw now: every whole week the back-filled days reach into; when there is none,
     * the current week as it stands.
     */
    List<String> weeksToDraw(Instant now) {
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = LocalDate.ofInstant(now.minus(Duration.ofDays(settings.backfillDays())), zone);
        var weeks = new ArrayList<String>();
        for (LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
             monday.isBefore(thisMonday); monday = monday.plusWeeks(1)) {
            weeks.add(name(monday));
        }
        return weeks.isEmpty() ? List.of(name(thisMonday)) : weeks;
    }

    private static String name(LocalDate monday) {
        return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Draws the sample of {@code week} with the seed the plan gives, and grades it as the plan says. */
    private Mono<Void> drawAndGrade(long seed, String week) {
        return quality.draw(week, QualityPlan.sampleSeed(seed, week), MANAGER)
                .flatMap(sample -> grade(seed, sample))
                .onErrorResume(e -> {
                    // a week with no decision is not drawn: nothing to grade
                    log.debug("Simulated QA sample of {} not drawn: {}", week, e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> grade(long seed, QaSample sample) {
        var ungraded = sample.decisions().stream().filter(decision -> decision.grade() == null)
                .map(SampledDecision::reference).toList();
        var sampled = sample.decisions().stream().map(SampledDecision::reference).toList();
        var grades = QualityPlan.grades(seed, sample.week(), sampled, quality.checklist().items()).stream()
                .filter(grade -> ungraded.contains(grade.reference())).toList();
        log.info("Simulated QA sample of {}: {} of {} decisions, {} graded", sample.week(), sampled.size(),
                sample.population(), grades.size());
        return Flux.fromIterable(grades)
                .concatMap(grade -> quality.grade(new GradeRequest(grade.reference(), grade.answers(), grade.grade(),
                                grade.feedback()), MANAGER)
                        .onErrorResume(e -> {
                            log.debug("Simulated grade of {} skipped: {}", grade.reference(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    @Override
    public void stop() {
        var all = running;
        running = null;
        if (all != null) {
            all.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
