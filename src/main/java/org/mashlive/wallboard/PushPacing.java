package org.mashlive.wallboard;

import java.time.Duration;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * When a board UI is pushed: after changes, at most once per batch window however many arrive,
 * and on a regular tick so clocks, ages and the stale text move on while nothing happens.
 */
public final class PushPacing {

    private PushPacing() {
    }

    /**
     * Emits at the end of each {@code batch} window in which {@code changes} emitted or a
     * {@code tick} fell, so never more often than once per {@code batch}; timers run on the parallel
     * scheduler. Never completes on its own; cancel it when the UI detaches.
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
        Flux<Object> triggers = Flux.merge(changes, Flux.interval(tick, timer));
        return triggers.onBackpressureLatest().sample(Flux.interval(batch, timer));
    }
}
