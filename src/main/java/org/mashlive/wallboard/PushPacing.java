package org.mashlive.wallboard;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * When a board UI is pushed: after changes, at most once per batch window however many arrive,
 * and on a regular tick so clocks, ages and the stale text move on while nothing happens.
 */
final class PushPacing {

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

    static Flux<Object> pushes(Flux<?> changes, Duration batch, Duration tick, Scheduler timer) {
        Flux<Object> triggers = Flux.merge(changes, Flux.interval(tick, timer));
        return triggers.onBackpressureLatest().sample(Flux.interval(batch, timer));
    }
}
