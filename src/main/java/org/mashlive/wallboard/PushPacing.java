package org.mashlive.wallboard;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

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
        return pushes(changes, batch, tick, Schedulers.parallel());
    }

    /**
     * Runs {@code refresh} in {@code ui} (through {@link UI#access}) at the pace of
     * {@link #pushes(Flux, Duration, Duration)}, until the returned subscription is disposed or the
     * UI is found detached. A view starts it on attach and disposes it on detach.
     */
    public static Disposable refreshing(UI ui, Flux<?> changes, Duration batch, Duration tick, Command refresh) {
        var subscription = Disposables.swap();
        subscription.update(pushes(changes, batch, tick).subscribe(signal -> {
            try {
                ui.access(refresh);
            } catch (UIDetachedException e) {
                subscription.dispose();
            }
        }));
        return subscription;
    }

    static Flux<Object> pushes(Flux<?> changes, Duration batch, Duration tick, Scheduler timer) {
        return Flux.create(sink -> {
            var pacer = new LeadingEdge(sink, batch, tick, timer);
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
     * The pushes' state: the latest trigger not yet pushed, whether a push is running or timed for
     * it, the times of the last {@value #PER_SPAN} pushes, and the tick due a tick period after the
     * last push.
     */
    private static final class LeadingEdge {

        private final FluxSink<Object> sink;
        private final long windowNanos;
        private final long spanNanos;
        private final long tickNanos;
        final Scheduler.Worker worker;
        /** The timer's own time, virtual in tests. */
        private final Scheduler clock;
        private final Disposable.Swap tick = Disposables.swap();
        /** The last pushes' times, oldest first; only the worker writes them. */
        private final long[] pushed = new long[PER_SPAN];
        private int pushes;
        private boolean busy;
        private Object waiting;

        LeadingEdge(FluxSink<Object> sink, Duration batch, Duration tick, Scheduler timer) {
            this.sink = sink;
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
            synchronized (this) {
                waiting = signal;
                if (busy) {
                    // a push is running or timed: it shows this trigger, or the one after it does
                    return;
                }
                busy = true;
            }
            plan();
        }

        /** Times the push of the waiting trigger: at once if it may be made now, else when it may. */
        private void plan() {
            long now = clock.now(TimeUnit.NANOSECONDS);
            long at = earliest(now);
            try {
                if (at <= now) {
                    worker.schedule(this::push);
                } else {
                    worker.schedule(this::push, at - now, TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException goneMeanwhile) {
                // a change that arrived as the UI went: nobody to push
            }
        }

        private synchronized long earliest(long now) {
            if (pushes == 0) {
                return now;
            }
            int kept = Math.min(pushes, PER_SPAN);
            long last = pushed[kept - 1];
            int lately = 0;
            for (int i = 0; i < kept; i++) {
                if (now - pushed[i] < spanNanos) {
                    lately++;
                }
            }
            long at = now - last >= windowNanos || lately < AT_ONCE ? now : last + windowNanos;
            // the oldest of the last few: one more push within a span of it would make too many
            return kept == PER_SPAN ? Math.max(at, pushed[0] + spanNanos) : at;
        }

        private void push() {
            Object signal;
            synchronized (this) {
                signal = waiting;
                waiting = null;
            }
            sink.next(signal);
            // the UI may have gone while it was pushed: then there is nothing more to time
            if (sink.isCancelled()) {
                return;
            }
            synchronized (this) {
                if (pushes >= PER_SPAN) {
                    System.arraycopy(pushed, 1, pushed, 0, PER_SPAN - 1);
                }
                pushed[Math.min(pushes, PER_SPAN - 1)] = clock.now(TimeUnit.NANOSECONDS);
                pushes++;
            }
            awaitTick();
            synchronized (this) {
                if (waiting == null) {
                    busy = false;
                    return;
                }
            }
            plan();
        }
    }
}
