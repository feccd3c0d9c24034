package org.mashlive.wallboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class PushPacingTest {

    private static final Duration BATCH = Duration.ofMillis(250);
    // not a multiple of the batch, so a tick never falls on the same instant as a window's end
    private static final Duration TICK = Duration.ofMillis(5100);

    @Test
    void pushesAtMostOncePerBatchHoweverManyChangesArrive() {
        // a change every 10 ms up to 990 ms: 99 changes in four windows
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(
                        Flux.interval(Duration.ofMillis(10)).take(99), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(BATCH.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .thenAwait(BATCH)
                .expectNextCount(1)
                .thenAwait(BATCH)
                .expectNextCount(1)
                .thenAwait(BATCH)
                .expectNextCount(1)
                // the changes stopped: nothing more until the window after the tick (5250 ms)
                .expectNoEvent(Duration.ofMillis(4249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .thenCancel()
                .verify();
    }

    @Test
    void pushesOneLoneChangeWithinOneBatch() {
        Sinks.Many<Long> changes = Sinks.many().multicast().directBestEffort();
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(changes.asFlux(), BATCH, TICK))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(600))
                .then(() -> changes.tryEmitNext(1L))
                .expectNoEvent(Duration.ofMillis(149))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(1L)
                .thenCancel()
                .verify();
    }

    @Test
    void ticksWhenNothingChanges() {
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(Flux.never(), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(5249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .expectNoEvent(Duration.ofMillis(4999))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .thenCancel()
                .verify();
    }
}
