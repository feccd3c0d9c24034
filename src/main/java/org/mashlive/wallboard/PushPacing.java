package org.mashlive.wallboard;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * When a board UI is pushed: at once for a change, unless the UI has been pushed three times in the
 * last four batch windows (a second, for 250 ms windows); then once at the end of the last push's
 * window, however many changes arrived; never more than four times in any four windows; and a tick
 * after a whole tick period without a push, so clocks, ages and the stale text move on while nothing
 * happens. So changes at a hub's pace, even two or three close together, never wait for a timer, a
 * burst is pushed at most four times a second, and a busy UI is never pushed for a tick it does not
 * need: the tick counts from the last push, not on a fixed grid whose window a change could land in.
 *
 * <p>A view may name some changes routine. A routine change is pushed only while the UI was pushed
 * fewer than two times in the last four windows: at once if it was, else when the older of the last
 * two pushes is four windows old (within a second, for 250 ms windows), unless another change's push
 * shows it first. So routine changes alone never take more than two pushes of any second. A change
 * that is not routine, finding three pushes in the last four windows of which fewer than three were
 * for such changes, waits only a fifth of a window after the last push, not to the window's end;
 * the cap of four in any four windows still counts every push.
 */
public final class PushPacing {

    private PushPacing() {
    }

    /**
     * Emits on the leading edge: a change at once when the last emission is a whole {@code batch}
     * window old or there were fewer than {@value #AT_ONCE} in the last four windows; otherwise once,
     * at the end of the last emission's window, for however many changes came within it; never more
     * than four times in any four windows; and a tick {@code tick} after the last emission when
     * nothing came since.
     * Emissions run on the timer's worker, never on the thread that emitted the change, so a slow
     * UI cannot hold up the feed that serves the others.
     * Timers run on the parallel scheduler. Never completes on its own; cancel it when the UI detaches.
     */
    static Flux<Object> pushes(Flux<?> changes, Duration batch, Duration tick) {
        return pushes(changes, signal -> false, batch, tick, Schedulers.parallel());
    }

    /**
     * Runs {@code refresh} in {@code ui} (through {@link UI#access}) at the pace of
     * {@link #pushes(Flux, Duration, Duration)}, until the returned subscription is disposed or the
     * UI is found detached. A view starts it on attach and disposes it on detach.
     */
    public static Disposable refreshing(UI ui, Flux<?> changes, Duration batch, Duration tick, Command refresh) {
        return refreshing(ui, changes, signal -> false, batch, tick, refresh);
    }

    /**
     * As {@link #refreshing(UI, Flux, Duration, Duration, Command)}, with the changes that
     * {@code routine} accepts paced as routine: pushed only while the UI was pushed fewer than
     * {@value #ROUTINE_AT_ONCE} times in the last four windows, unless another change's push shows them.
     */
    public static Disposable refreshing(UI ui, Flux<?> changes, Predicate<Object> routine, Duration batch,
                                        Duration tick, Command refresh) {
        var subscription = Disposables.swap();
        subscription.update(pushes(changes, routine, batch, tick, Schedulers.parallel()).subscribe(signal -> {
            try {
                ui.access(refresh);
            } catch (UIDetachedException e) {
                subscription.dispose();
            }
        }));
        return subscription;
    }

    static Flux<Object> pushes(Flux<?> changes, Duration batch, Duration tick, Scheduler timer) {
        return pushes(changes, signal -> false, batch, tick, timer);
    }

    static Flux<Object> pushes(Flux<?> changes, Predicate<Object> routine, Duration batch, Duration tick,
                               Scheduler timer) {
        return Flux.create(sink -> {
            var pacer = new LeadingEdge(sink, routine, batch, tick, timer);
            pacer.awaitTick();
            Disposable upstream = changes.subscribe(pacer::trigger, sink::error);
            sink.onDispose(() -> {
                upstream.dispose();
                pacer.worker.dispose();
            });
        }, FluxSink.OverflowStrategy.LATEST);
    }

    /** What a tick emits: a trigger like any change, to a view that refreshes whatever the trigger. */
    static final Object TICK = "tick";

    /**
     * When the next push may be made, from the pushes made so far: at once when the last push is a
     * whole window old, or when the screen was pushed fewer than {@value #AT_ONCE} times in the last
     * {@value #PER_SPAN} windows; otherwise at the end of the last push's window; and never more than
     * {@value #PER_SPAN} pushes in any {@value #PER_SPAN} windows (once a second, for 250 ms). So up to
     * three changes close together are each shown at once, and a burst is still paced.
     */
    static final int PER_SPAN = 4;

    /** Pushes in the last {@value #PER_SPAN} windows below which a change is pushed at once. */
    static final int AT_ONCE = 3;

    /**
     * A change that is not routine, finding the screen pushed {@value #AT_ONCE} times in the last
     * {@value #PER_SPAN} windows but fewer times than that for such changes, is pushed this fraction
     * of a window after the last push (50 ms, for 250 ms windows), not at the end of its window.
     */
    static final int AFTER_ROUTINE = 5;

    /** Pushes in the last {@value #PER_SPAN} windows below which a routine change is pushed. */
    static final int ROUTINE_AT_ONCE = 2;

    /**
     * The pushes' state: the latest trigger not yet pushed, whether any trigger waiting is not
     * routine, whether a push is running or timed (and for which plan), the times of the last
     * {@value #PER_SPAN} pushes, and the tick due a tick period after the last push.
     */
    private static final class LeadingEdge {

        private final FluxSink<Object> sink;
        private final Predicate<Object> routine;
        private final long windowNanos;
        private final long spanNanos;
        private final long tickNanos;
        final Scheduler.Worker worker;
        /** The timer's own time, virtual in tests. */
        private final Scheduler clock;
        private final Disposable.Swap tick = Disposables.swap();
        /** The last pushes' times, oldest first; only the worker writes them. */
        private final long[] pushed = new long[PER_SPAN];
        /** Whether each of the last pushes showed a trigger that is not routine, in the order of {@link #pushed}. */
        private final boolean[] pushedUrgent = new boolean[PER_SPAN];
        private int pushes;
        private Object waiting;
        /** Whether a trigger waiting is not routine. */
        private boolean urgent;
        /** A push is running: it shows the triggers taken, and plans again for any that came since. */
        private boolean running;
        /** The plan of the push timed, 0 when none is; a timed push of an older plan does nothing. */
        private long planned;
        /** Whether the push timed was timed for routine triggers only, and so is later than it may be now. */
        private boolean plannedRoutine;
        private long plans;
        private Disposable timed = Disposables.disposed();

        LeadingEdge(FluxSink<Object> sink, Predicate<Object> routine, Duration batch, Duration tick,
                    Scheduler timer) {
            this.sink = sink;
            this.routine = routine;
            this.clock = timer;
            this.windowNanos = batch.toNanos();
            this.spanNanos = batch.toNanos() * PER_SPAN;
            this.tickNanos = tick.toNanos();
            this.worker = timer.createWorker();
        }

        /** Sets the tick a whole tick period from now, in place of any set before. */
        void awaitTick() {
            try {
                tick.update(worker.schedule(() -> trigger(TICK), tickNanos, TimeUnit.NANOSECONDS));
            } catch (RejectedExecutionException goneMeanwhile) {
                // the UI went: no more ticks
            }
        }

        void trigger(Object signal) {
            boolean isRoutine = signal != TICK && routine.test(signal);
            Plan plan;
            synchronized (this) {
                waiting = signal;
                urgent |= !isRoutine;
                if (running || planned != 0 && !(plannedRoutine && !isRoutine)) {
                    // a push is running or timed: it shows this trigger, or the one after it does
                    return;
                }
                // idle, or a routine push timed that this trigger need not wait for: time it afresh
                timed.dispose();
                plan = plan();
            }
            time(plan);
        }

        /** A push planned: its number, and how many nanoseconds from now it may be made (at most 0: at once). */
        private record Plan(long number, long delay) {
        }

        /** Plans the push of the triggers waiting, under the lock. Only the newest plan's push shows anything. */
        private Plan plan() {
            long now = clock.now(TimeUnit.NANOSECONDS);
            planned = ++plans;
            plannedRoutine = !urgent;
            return new Plan(planned, earliest(now) - now);
        }

        /** Times the push of {@code plan}. */
        private void time(Plan plan) {
            try {
                Disposable task = plan.delay() <= 0 ? worker.schedule(() -> push(plan.number()))
                        : worker.schedule(() -> push(plan.number()), plan.delay(), TimeUnit.NANOSECONDS);
                synchronized (this) {
                    if (planned == plan.number()) {
                        timed = task;
                    }
                }
            } catch (RejectedExecutionException goneMeanwhile) {
                // a change that arrived as the UI went: nobody to push
            }
        }

        private long earliest(long now) {
            if (pushes == 0) {
                return now;
            }
            int kept = Math.min(pushes, PER_SPAN);
            long last = pushed[kept - 1];
            int lately = 0;
            int latelyUrgent = 0;
            for (int i = 0; i < kept; i++) {
                if (now - pushed[i] < spanNanos) {
                    lately++;
                    if (pushedUrgent[i]) {
                        latelyUrgent++;
                    }
                }
            }
            long at;
            if (now - last >= windowNanos || lately < AT_ONCE) {
                at = now;
            } else if (urgent && latelyUrgent < AT_ONCE) {
                // routine pushes took the screen's pushes at once: a trigger that is not routine waits
                // only a fifth of a window after the last, so that what comes with it shares the
                // push that is the last one the cap allows in this span
                at = Math.max(now, last + windowNanos / AFTER_ROUTINE);
            } else {
                at = last + windowNanos;
            }
            // the oldest of the last few: one more push within a span of it would make too many
            at = kept == PER_SPAN ? Math.max(at, pushed[0] + spanNanos) : at;
            if (urgent || lately < ROUTINE_AT_ONCE) {
                return at;
            }
            // routine only, with the screen pushed twice lately: when the older of the last two is a span old
            return Math.max(at, pushed[kept - ROUTINE_AT_ONCE] + spanNanos);
        }

        private void push(long plan) {
            Object signal;
            boolean shownUrgent;
            synchronized (this) {
                if (planned != plan) {
                    // timed afresh since: that plan's push shows these triggers
                    return;
                }
                planned = 0;
                running = true;
                signal = waiting;
                waiting = null;
                shownUrgent = urgent;
                urgent = false;
            }
            sink.next(signal);
            // the UI may have gone while it was pushed: then there is nothing more to time
            if (sink.isCancelled()) {
                return;
            }
            synchronized (this) {
                if (pushes >= PER_SPAN) {
                    System.arraycopy(pushed, 1, pushed, 0, PER_SPAN - 1);
                    System.arraycopy(pushedUrgent, 1, pushedUrgent, 0, PER_SPAN - 1);
                }
                pushed[Math.min(pushes, PER_SPAN - 1)] = clock.now(TimeUnit.NANOSECONDS);
                pushedUrgent[Math.min(pushes, PER_SPAN - 1)] = shownUrgent;
                pushes++;
            }
            awaitTick();
            Plan next;
            synchronized (this) {
                running = false;
                if (waiting == null) {
                    return;
                }
                next = plan();
            }
            time(next);
        }
    }
}
