package org.mashlive.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Runs the demo day against a {@link FrontDoor}: back-fills an empty front door or picks up the
 * referrals a previous run left open, then lets contacts arrive and moves each one to its decision.
 *
 * <p>Simulated time runs {@code speed} times faster than real time from the moment of
 * {@link #start(Instant)}: every simulated delay of the model becomes a real delay on the given
 * scheduler, divided by the speed. Back-filled contacts and their steps that fall before the start
 * are recorded at their past times at once.
 *
 * <p>Calls to the front door pass through one queue with at most {@link #IN_FLIGHT} in flight, so a
 * burst (a restart picking up a full queue) cannot take the whole connection pool. A failed step
 * is tried again, then logged, and the contact carries on with its next step; a failed intake is
 * logged and dropped. A referral someone else has decided ends its plan quietly.
 */
final class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    /** Front-door calls in flight at most. */
    static final int IN_FLIGHT = 4;

    /**
     * Back-filled contacts whose past steps are recorded at once, beside the next intakes: one
     * call each, leaving the queue a place for the intake.
     */
    static final int REPLAYING = IN_FLIGHT - 1;

    /** Simulated time before a failed step is tried again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);

    private final ContactModel model;
    private final FrontDoor door;
    private final Scheduler scheduler;
    private final double speed;
    private final Duration backfill;
    /** Whether the back-fill (or the pick-up of open referrals) of the latest run is over. */
    private final AtomicBoolean warm = new AtomicBoolean();
    /** Whether the latest run found the front door empty and back-filled it. */
    private final AtomicBoolean backfilled = new AtomicBoolean();

    /**
     * @param speed    how many times faster than real time simulated time runs
     * @param backfill how much of the past to fill an empty front door with; zero for none
     */
    Simulator(ContactModel model, FrontDoor door, Scheduler scheduler, double speed, Duration backfill) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        this.model = model;
        this.door = door;
        this.scheduler = scheduler;
        this.speed = speed;
        this.backfill = backfill;
    }

    /**
     * Starts a run with real and simulated time both at {@code now}. Returns at once; the run
     * goes on, on the scheduler and the front door's threads, until the handle is disposed, which
     * cancels every pending arrival, step and queued call.
     */
    /** Whether the latest run has back-filled the past (or picked up what was open) and goes on live. */
    boolean warm() {
        return warm.get();
    }

    /** Whether the latest run back-filled an empty front door (rather than picking up what was open). */
    boolean backfilled() {
        return backfilled.get();
    }

    Disposable start(Instant now) {
        var run = new Run();
        run.start(now);
        return run.all;
    }

    /** A real delay for a simulated one. */
    Duration real(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    /** A back-filled contact as the front door took it in. */
    private record Taken(Contact contact, FrontDoor.Received received) {
    }

    /** An action at a simulated time. */
    private record Timed(Instant at, Plan.Action action) {
    }

    private static List<Timed> timed(Instant origin, Plan plan) {
        return plan.steps().stream().map(step -> new Timed(origin.plus(step.after()), step.action())).toList();
    }

    /** One run: everything it subscribed to is in {@link #all}. */
    private final class Run {

        private final Disposable.Composite all = Disposables.composite();
        private final Sinks.Many<Mono<Void>> calls = Sinks.many().unicast().onBackpressureBuffer();

        void start(Instant now) {
            all.add(calls.asFlux().flatMap(call -> call, IN_FLIGHT).subscribe());
            Mono<Void> warmUp = door.empty()
                    .flatMap(empty -> empty && !backfill.isZero()
                            ? backfill(now).doOnSuccess(done -> backfilled.set(true)) : resume(now))
                    .onErrorResume(e -> {
                        log.warn("Simulation could not back-fill or pick up open referrals; carrying on", e);
                        return Mono.empty();
                    });
            Mono<Void> warmed = warmUp.then(Mono.fromRunnable(() -> {
                warm.set(true);
                log.info("Simulation is live from simulated {}", now);
            }));
            track(warmed.thenMany(arrivals(now)).doOnNext(contact -> track(live(contact))).then());
        }

        /** Subscribes {@code work} as part of this run, and forgets it when it ends. */
        private void track(Mono<Void> work) {
            var slot = Disposables.swap();
            if (!all.add(slot)) {
                return;
            }
            slot.update(work.doFinally(signal -> all.remove(slot)).subscribe(null,
                    e -> log.warn("Simulation step failed", e)));
        }

        /** Contacts as they arrive, in simulated time from {@code start}, for ever. */
        private Flux<Contact> arrivals(Instant start) {
            var last = new AtomicReference<>(start);
            return Mono.defer(() -> {
                        Instant previous = last.get();
                        Instant next = model.nextArrival(previous);
                        last.set(next);
                        return Mono.delay(real(Duration.between(previous, next)), scheduler)
                                .map(tick -> model.nextContact(next));
                    })
                    .onErrorResume(e -> {
                        log.warn("Simulation could not make a contact; skipping it", e);
                        return Mono.empty();
                    })
                    .repeat();
        }

        private Mono<Void> live(Contact contact) {
            // the children of one household contact are screened and decided together
            return call(door.receive(contact.referral(), null))
                    .flatMap(received -> Flux.fromIterable(created(received))
                            .flatMap(id -> follow(id, timed(contact.at(), contact.plan()), contact.at()))
                            .then())
                    .onErrorResume(e -> failed("receive a contact", e));
        }

        /** The referrals an intake created: its first child's, if new, and its other children's. */
        private static List<Long> created(FrontDoor.Received received) {
            var ids = new ArrayList<Long>();
            if (received.created()) {
                ids.add(received.id());
            }
            ids.addAll(received.siblings());
            return ids;
        }

        /** Runs {@code steps} one after another, each at its simulated time after {@code from}. */
        private Mono<Void> follow(long id, List<Timed> steps, Instant from) {
            var gaps = new ArrayList<Duration>();
            Instant previous = from;
            for (Timed step : steps) {
                gaps.add(real(Duration.between(previous, step.at())));
                previous = step.at();
            }
            return Flux.range(0, steps.size())
                    .concatMap(i -> Mono.delay(gaps.get(i), scheduler)
                            .then(apply(id, steps.get(i).action(), null)))
                    .takeWhile(Boolean::booleanValue)
                    .then();
        }

        /**
         * Applies one action, trying twice more ten simulated minutes apart if it fails (a lost
         * decision would leave the referral open for the rest of the run); a step that still fails
         * is logged and the plan goes on.
         */
        private Mono<Boolean> apply(long id, Plan.Action action, Instant at) {
            return call(door.apply(id, action, at))
                    .retryWhen(Retry.fixedDelay(2, real(RETRY_AFTER)).scheduler(scheduler)
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    .onErrorResume(e -> failed("apply " + action + " to referral " + id, e).thenReturn(true));
        }

        /**
         * Fills the last {@code backfill} of simulated time before {@code now}: contacts received at
         * their past times, in order, each with the steps already due recorded at their times and
         * the rest to follow live. The steps of a few contacts are recorded together, beside the
         * next intakes: each is a commit of its own, and waiting for each in turn made a month's
         * back-fill wait on one commit at a time.
         */
        private Mono<Void> backfill(Instant now) {
            var contacts = new ArrayList<Contact>();
            Instant at = model.nextArrival(now.minus(backfill));
            while (at.isBefore(now)) {
                contacts.add(model.nextContact(at));
                at = model.nextArrival(at);
            }
            log.info("Simulation back-fills {} contacts over the last {} hours", contacts.size(), backfill.toHours());
            // intakes one after another, so references follow the times received; each contact's
            // past steps go on beside the next intakes, its own still one after another
            return Flux.fromIterable(contacts)
                    .concatMap(contact -> call(door.receive(contact.referral(), contact.at()))
                            .map(received -> new Taken(contact, received))
                            .onErrorResume(e -> failed("back-fill a contact", e).then(Mono.empty())))
                    .flatMap(taken -> Flux.fromIterable(created(taken.received()))
                            .concatMap(id -> replay(id, taken.contact(), now))
                            .then()
                            .onErrorResume(e -> failed("back-fill a contact", e)), REPLAYING)
                    .then();
        }

        private Mono<Void> replay(long id, Contact contact, Instant now) {
            var steps = timed(contact.at(), contact.plan());
            var past = steps.stream().filter(step -> !step.at().isAfter(now)).toList();
            var future = steps.subList(past.size(), steps.size());
            return Flux.fromIterable(past)
                    .concatMap(step -> apply(id, step.action(), step.at()))
                    .takeWhile(Boolean::booleanValue)
                    .count()
                    .doOnNext(applied -> {
                        if (applied == past.size() && !future.isEmpty()) {
                            track(follow(id, future, now));
                        }
                    })
                    .then();
        }

        /** Picks up the referrals a previous run left open and plans the rest of their way from {@code now}. */
        private Mono<Void> resume(Instant now) {
            return door.open()
                    .collectList()
                    .doOnNext(open -> {
                        if (!open.isEmpty()) {
                            log.info("Simulation picks up {} open referrals", open.size());
                        }
                        for (var referral : open) {
                            model.remember(referral.child());
                            var plan = model.planFrom(referral.stage(), referral.rag(), now);
                            track(follow(referral.id(), timed(now, plan), now));
                        }
                    })
                    .then();
        }

        /**
         * {@code work}, subscribed when the queue gets to it. Emits what {@code work} emits; empty
         * when the run is stopped before it gets its turn.
         */
        private <T> Mono<T> call(Mono<T> work) {
            return Mono.create(sink -> {
                var cancelled = new AtomicBoolean();
                sink.onCancel(() -> cancelled.set(true));
                Mono<Void> job = Mono.defer(() -> cancelled.get() ? Mono.<T>empty() : work)
                        .doOnSuccess(sink::success)
                        .doOnError(sink::error)
                        .onErrorResume(e -> Mono.empty())
                        .then();
                if (!offer(job)) {
                    sink.success();
                }
            });
        }

        private boolean offer(Mono<Void> job) {
            while (true) {
                var result = calls.tryEmitNext(job);
                if (result != Sinks.EmitResult.FAIL_NON_SERIALIZED) {
                    return result.isSuccess();
                }
                // another thread is handing over a call this very moment
                Thread.onSpinWait();
            }
        }

        private Mono<Void> failed(String what, Throwable e) {
            log.warn("Simulation could not {}: {}", what, e.toString());
            return Mono.empty();
        }
    }
}
