package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class PushPacingTest {

    private static final Duration BATCH = Duration.ofMillis(250);
    // not a multiple of the batch, so a tick never falls on the same instant as a window's end
    private static final Duration TICK = Duration.ofMillis(5100);

    @Test
    void aChangeAfterAQuietSpellIsPushedAtOnce() {
        Sinks.Many<Long> changes = Sinks.many().multicast().directBestEffort();
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(changes.asFlux(), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(600))
                .then(() -> changes.tryEmitNext(1L))
                .expectNext(1L)
                // a second change 100 ms later, inside the window the first push opened, waits for its end
                .thenAwait(Duration.ofMillis(100))
                .then(() -> changes.tryEmitNext(2L))
                .expectNoEvent(Duration.ofMillis(149))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(2L)
                // a quiet window after that push closes it: the next change goes at once again
                .thenAwait(Duration.ofMillis(400))
                .then(() -> changes.tryEmitNext(3L))
                .expectNext(3L)
                .thenCancel()
                .verify();
    }

    @Test
    void pushesAtMostOncePerBatchHoweverManyChangesArrive() {
        // a change every 10 ms from 10 ms to 990 ms: the first at once, then one at the end of each window
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(
                        Flux.interval(Duration.ofMillis(10)).take(99), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(9))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 10 ms
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 260 ms
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 510 ms
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 760 ms
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 1010 ms: the changes of 770 to 990 ms
                // the changes stopped: nothing more until a whole tick period after that push, 6110 ms
                .expectNoEvent(Duration.ofMillis(5099))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .thenCancel()
                .verify();
    }

    @Test
    void ticksWhenNothingChanges() {
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(Flux.never(), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(5099))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .expectNoEvent(Duration.ofMillis(5099))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .thenCancel()
                .verify();
    }

    @Test
    void aBusyScreenIsNeverPushedForATick() {
        // a change every 3 s, more often than the 5.1 s tick: each is pushed at once, and no tick comes
        // between them to open a window that a change could land in
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(
                        Flux.interval(Duration.ofMillis(3000)).take(4), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(3000))
                .expectNext(0L)
                .expectNoEvent(Duration.ofMillis(3000))
                .expectNext(1L)
                .expectNoEvent(Duration.ofMillis(3000))
                .expectNext(2L)
                .expectNoEvent(Duration.ofMillis(3000))
                .expectNext(3L)
                // then quiet: the tick a whole period after the last push
                .expectNoEvent(Duration.ofMillis(5100))
                .expectNext(PushPacing.TICK)
                .thenCancel()
                .verify();
    }

    @Test
    void pushesRunOnTheTimerNotOnTheThreadThatEmittedTheChange() {
        // the feed that emits changes serves every UI; a UI's refresh must never run on it
        var timer = Schedulers.newSingle("pacing-timer");
        try {
            String pushedOn = PushPacing.pushes(Flux.just(1L), BATCH, TICK, timer)
                    .map(signal -> Thread.currentThread().getName())
                    .blockFirst(Duration.ofSeconds(10));
            assertThat(pushedOn).startsWith("pacing-timer").isNotEqualTo(Thread.currentThread().getName());
        } finally {
            timer.dispose();
        }
    }
}
