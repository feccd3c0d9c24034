package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

// on virtual time: a pacing that goes wrong can keep a verifier waiting for ever, so fail it instead
@Timeout(60)
class PushPacingTest {

    private static final Duration BATCH = Duration.ofMillis(250);
    // not a multiple of the batch, so a tick never falls on the same instant as a window's end
    private static final Duration TICK = Duration.ofMillis(5100);

    @Test
    void aChangeAfterAQuietSpellIsPushedAtOnceAndSoAreTwoCloseBehindIt() {
        Sinks.Many<Long> changes = Sinks.many().multicast().directBestEffort();
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(changes.asFlux(), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(600))
                .then(() -> changes.tryEmitNext(1L))
                .expectNext(1L)
                // a second change 100 ms later: the screen was pushed once in the last second, so at once too
                .thenAwait(Duration.ofMillis(100))
                .then(() -> changes.tryEmitNext(2L))
                .expectNext(2L)
                // a third 50 ms after that: pushed twice in the last second, so at once as well
                .thenAwait(Duration.ofMillis(50))
                .then(() -> changes.tryEmitNext(3L))
                .expectNext(3L)
                // a fourth 50 ms after that waits for the end of the third push's window, at 1000 ms
                .thenAwait(Duration.ofMillis(50))
                .then(() -> changes.tryEmitNext(4L))
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(4L)
                // at 1700 ms the last push is 700 ms old and the first of that second over a second old:
                // the next change goes at once again
                .thenAwait(Duration.ofMillis(700))
                .then(() -> changes.tryEmitNext(5L))
                .expectNext(5L)
                .thenCancel()
                .verify();
    }

    @Test
    void pushesAtMostFourTimesASecondHoweverManyChangesArrive() {
        // a change every 10 ms from 10 ms to 990 ms: the first three at once, then one at the end of the
        // third's window, and no fifth push within a second of the first
        StepVerifier.withVirtualTime(() -> PushPacing.pushes(
                        Flux.interval(Duration.ofMillis(10)).take(99), BATCH, TICK))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(9))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 10 ms
                .expectNoEvent(Duration.ofMillis(9))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 20 ms
                .expectNoEvent(Duration.ofMillis(9))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 30 ms
                .expectNoEvent(Duration.ofMillis(249))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 280 ms: the changes of 40 to 280 ms
                // 530 ms would be a fifth push within a second of the one at 10 ms: it waits to 1010 ms
                .expectNoEvent(Duration.ofMillis(729))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1) // 1010 ms: the changes of 290 to 990 ms
                // the changes stopped: nothing more until a whole tick period after that push, 6110 ms
                .expectNoEvent(Duration.ofMillis(5099))
                .thenAwait(Duration.ofMillis(1))
                .expectNextCount(1)
                .thenCancel()
                .verify();
    }

    @Test
    void underRandomChangesNoSecondHoldsMoreThanFourPushesAndEveryChangeIsShown() {
        // changes at random moments, in bursts and lulls, for a minute of virtual time
        var random = new java.util.SplittableRandom(20261130);
        var at = new java.util.ArrayList<Long>();
        long t = 0;
        while (t < 60_000) {
            t += random.nextInt(10) < 7 ? random.nextLong(1, 120) : random.nextLong(200, 3000);
            at.add(t);
        }
        var gaps = new java.util.ArrayList<Duration>();
        for (int i = 0; i < at.size(); i++) {
            gaps.add(Duration.ofMillis(at.get(i) - (i == 0 ? 0 : at.get(i - 1))));
        }
        var scheduler = reactor.test.scheduler.VirtualTimeScheduler.create();
        var pushedAt = new java.util.ArrayList<Long>();
        var changedAt = new java.util.ArrayList<Long>();
        var changes = Flux.fromIterable(gaps).concatMap(gap -> reactor.core.publisher.Mono.delay(gap, scheduler))
                .doOnNext(change -> changedAt.add(scheduler.now(java.util.concurrent.TimeUnit.MILLISECONDS)));
        var subscription = PushPacing.pushes(changes, BATCH, TICK, scheduler)
                .subscribe(signal -> pushedAt.add(scheduler.now(java.util.concurrent.TimeUnit.MILLISECONDS)));
        scheduler.advanceTimeBy(Duration.ofMillis(t + 2000));
        subscription.dispose();

        assertThat(changedAt).hasSize(at.size());
        for (int i = PushPacing.PER_SPAN; i < pushedAt.size(); i++) {
            assertThat(pushedAt.get(i) - pushedAt.get(i - PushPacing.PER_SPAN))
                    .as("pushes %d to %d", i - PushPacing.PER_SPAN, i).isGreaterThanOrEqualTo(1000);
        }
        long lastShown = -1;
        int atOnce = 0;
        for (long change : changedAt) {
            long shown = pushedAt.stream().filter(push -> push >= change).findFirst().orElseThrow();
            assertThat(shown - change).as("change at %d ms", change).isLessThanOrEqualTo(1000);
            long lately = pushedAt.stream().filter(push -> push < change && push > change - 1000).count();
            // nothing still waiting to be pushed, and fewer than three pushes in the last second: at once
            if (lastShown < change && lately < PushPacing.AT_ONCE) {
                assertThat(shown).as("change at %d ms after %d pushes in a second", change, lately).isEqualTo(change);
                atOnce++;
            }
            lastShown = shown;
        }
        // the case is met often enough to mean something
        assertThat(atOnce).isGreaterThan(changedAt.size() / 4);
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
