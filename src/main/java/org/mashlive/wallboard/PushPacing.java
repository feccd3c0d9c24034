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
 * When a board UI is pushed: at once for a change that follows a quiet spell, and for further
 * changes within the batch window after a push, once at the window's end however many arrived; and
 * a tick after a whole tick period without a push, so clocks, ages and the stale text move on while
 * nothing happens. So a lone change never waits for a timer, a UI is still pushed at most once per
 * batch window, and a busy UI is never pushed for a tick it does not need: the tick counts from the
 * last push, not on a fixed grid whose window a change could land in.
 */
public final class PushPacing {

    private PushPacing() {
    }

    /**
     * Emits on the leading edge: the first change after a quiet {@code batch} window at once, and
     * any changes within the window after an emission once, at that window's end, which opens a new
     * window; and a tick {@code tick} after the last emission when nothing came since. Emissions run on the timer's worker, never on the
     * thread that emitted the change, so a slow UI cannot hold up the feed that serves the others.
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
            var pacer = new LeadingEdge(sink, batch, tick, timer.createWorker());
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
     * The window's state: whether a push was made less than a window ago, the trigger waiting for
     * its end, and the tick due a tick period after the last push.
     */
    private static final class LeadingEdge {

        private final FluxSink<Object> sink;
        private final long windowNanos;
        private final long tickNanos;
        final Scheduler.Worker worker;
        private final Disposable.Swap tick = Disposables.swap();
        private boolean open;
        private Object waiting;

        LeadingEdge(FluxSink<Object> sink, Duration batch, Duration tick, Scheduler.Worker worker) {
            this.sink = sink;
            this.windowNanos = batch.toNanos();
            this.tickNanos = tick.toNanos();
            this.worker = worker;
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
                if (open) {
                    waiting = signal;
                    return;
                }
                open = true;
            }
            try {
                worker.schedule(() -> push(signal));
            } catch (RejectedExecutionException goneMeanwhile) {
                // a change that arrived as the UI went: nobody to push
            }
        }

        private void push(Object signal) {
            sink.next(signal);
            // the UI may have gone while it was pushed: then there is no window to time
            if (sink.isCancelled()) {
                return;
            }
            awaitTick();
            try {
                worker.schedule(this::windowEnds, windowNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException goneMeanwhile) {
                // cancelled between the check and here: the worker is disposed with the subscription
            }
        }

        private void windowEnds() {
            Object next;
            synchronized (this) {
                next = waiting;
                waiting = null;
                if (next == null) {
                    open = false;
                    return;
                }
            }
            push(next);
        }
    }
}
