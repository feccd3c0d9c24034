package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

// on virtual time: a pacing that goes wrong can keep a verifier waiting for ever, so fail it instead
@Timeout(60)
class PushPacingTest {

    private static final Duration BATCH = Duration.ofMillis(250);
    // not a multiple of the batch, so a tick never falls on the same instant as a window's end
    private static final Duration TICK = Duration.ofMillis(5100);

    /**
     * The moments of the pushes, in milliseconds of virtual time, for changes at the given moments,
     * until {@code until}. (Recorded rather than stepped through with StepVerifier: its
     * {@code expectNoEvent} after a change does not see a push made at once, as the change was emitted.)
     */
    private static List<Long> pushedAt(long until, long... changes) {
        var scheduler = VirtualTimeScheduler.create();
        Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();
        var pushed = new ArrayList<Long>();
        var subscription = PushPacing.pushes(sink.asFlux(), BATCH, TICK, scheduler)
                .subscribe(signal -> pushed.add(scheduler.now(TimeUnit.MILLISECONDS)));
        long now = 0;
        for (long change : changes) {
            scheduler.advanceTimeBy(Duration.ofMillis(change - now));
            now = change;
            sink.tryEmitNext(change);
            scheduler.advanceTime();
        }
        scheduler.advanceTimeBy(Duration.ofMillis(until - now));
        subscription.dispose();
        return pushed;
    }

    /**
     * As {@link #pushedAt(long, long...)}, for changes given as moments in milliseconds, a negative
     * one routine (at its absolute value).
     */
    private static List<Long> pushedWithRoutine(long until, long... changes) {
        var scheduler = VirtualTimeScheduler.create();
        Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();
        var pushed = new ArrayList<Long>();
        var subscription = PushPacing.pushes(sink.asFlux(), signal -> (Long) signal < 0, BATCH, TICK, scheduler)
                .subscribe(signal -> pushed.add(scheduler.now(TimeUnit.MILLISECONDS)));
        long now = 0;
        for (long change : changes) {
            scheduler.advanceTimeBy(Duration.ofMillis(Math.abs(change) - now));
            now = Math.abs(change);
            sink.tryEmitNext(change);
            scheduler.advanceTime();
        }
        scheduler.advanceTimeBy(Duration.ofMillis(until - now));
        subscription.dispose();
        return pushed;
    }

    @Test
    void aRoutineChangeIsPushedOnlyWhileTheScreenWasPushedLessThanTwiceInTheLastSecond() {
        assertThat(pushedWithRoutine(3000,
                -600, // routine, after a quiet spell: at once
                -700, // routine, one push in the last second: at once
                -800, // routine, two pushes in the last second: when the 600 ms one is a second old, 1600 ms
                -900, // routine, with one waiting: shown with it
                -2000, // one push in the last second: at once
                -2050)) // two: when the 1600 ms one is a second old, 2600 ms
                .containsExactly(600L, 700L, 1600L, 2000L, 2600L);
    }

    @Test
    void aChangeThatIsNotRoutineIsPushedAtOnceAfterRoutineOnesAndShowsThoseWaiting() {
        assertThat(pushedWithRoutine(3000,
                -600, -650, // routine: at once, twice
                -700, // routine, two pushes in the last second: waits, to 1600 ms
                900, // not routine, two pushes in the last second: at once, and it shows the routine one too
                -950, // routine, three pushes in the last second: waits, to 1650 ms
                1000)) // not routine, three pushes in the last second but one for such a change, the last
                       // 100 ms ago: at once, a fourth push in that second, and the routine change shown
                .containsExactly(600L, 650L, 900L, 1000L);
    }

    @Test
    void afterRoutinePushesAChangeThatIsNotRoutineWaitsAFifthOfAWindowNotItsEnd() {
        assertThat(pushedWithRoutine(3000,
                -100, -200, // routine: at once, twice
                300, // not routine: at once
                320, // not routine, three pushes in the last second but one for such a change: 50 ms after
                     // the last, 350 ms, not at the end of its window, 550 ms
                340, // not routine: shown with it
                500)) // four pushes in the last second: when the 100 ms one is a second old, 1100 ms
                .containsExactly(100L, 200L, 300L, 350L, 1100L);
    }

    @Test
    void changesThatAreNotRoutineStillTakeThreePushesAtOnceThenWaitForTheWindow() {
        assertThat(pushedWithRoutine(3000,
                100, 200, 300, // not routine: three at once
                400, // not routine, three pushes for such changes in the last second: at the end of the
                     // 300 ms one's window, 550 ms
                -450)) // routine, with one waiting: shown with it
                .containsExactly(100L, 200L, 300L, 550L);
    }

    @Test
    void routineChangesAloneTakeAtMostTwoPushesOfAnySecondAndWaitLessThanASecond() {
        // a routine change every 20 ms for ten seconds, as partners' answers arriving in a rush
        var stream = LongStream.rangeClosed(1, 500).map(i -> -i * 20).toArray();
        var pushed = pushedWithRoutine(11_000, stream);
        for (int i = 2; i < pushed.size(); i++) {
            assertThat(pushed.get(i) - pushed.get(i - 2)).as("pushes %d to %d", i - 2, i).isGreaterThanOrEqualTo(1000);
        }
        for (long change : stream) {
            long at = -change;
            long shown = pushed.stream().filter(push -> push >= at).findFirst().orElseThrow();
            assertThat(shown - at).as("change at %d ms", at).isLessThan(1000);
        }
        assertThat(pushed).as("about two pushes a second, not fewer").hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void aChangeThatIsNotRoutineInARushOfRoutineOnesIsPushedAtOnce() {
        // the rush above, and changes that are not routine at random moments among it
        var random = new java.util.SplittableRandom(20261202);
        var changes = new ArrayList<Long>();
        var urgent = new ArrayList<Long>();
        long next = 1000;
        for (long at = 20; at <= 20_000; at += 20) {
            changes.add(-at);
            if (at >= next) {
                // at least a second apart: the pushes of other changes that are not routine are not
                // what this test is about
                long one = at + 1 + random.nextLong(18);
                changes.add(one);
                urgent.add(one);
                next = one + random.nextLong(1000, 3000);
            }
        }
        var pushed = pushedWithRoutine(21_000, changes.stream().mapToLong(Long::longValue).toArray());
        assertThat(urgent).hasSizeGreaterThan(6);
        assertThat(pushed).containsAll(urgent);
        for (int i = PushPacing.PER_SPAN; i < pushed.size(); i++) {
            assertThat(pushed.get(i) - pushed.get(i - PushPacing.PER_SPAN)).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void aChangeAfterAQuietSpellIsPushedAtOnceAndSoAreTwoCloseBehindIt() {
        assertThat(pushedAt(3000,
                600, // after a quiet spell: at once
                700, 750, // the screen pushed once, then twice in the last second: at once
                800, // three pushes in the last second: at the end of the third's window, 1000 ms
                1700, // the last push 700 ms old: at once
                1750, // two pushes in the last second: at once
                1800)) // three: at the end of the last one's window, 2000 ms
                .containsExactly(600L, 700L, 750L, 1000L, 1700L, 1750L, 2000L);
    }

    @Test
    void pushesAtMostFourTimesASecondHoweverManyChangesArrive() {
        // a change every 10 ms from 10 ms to 990 ms: the first three at once, then one at the end of the
        // third's window (the changes of 40 to 280 ms), then none within a second of the first: 530 ms
        // would be a fifth push in that second, so the changes of 290 to 990 ms wait to 1010 ms; then,
        // the changes over, a tick a whole tick period after that push
        assertThat(pushedAt(7000, LongStream.rangeClosed(1, 99).map(i -> i * 10).toArray()))
                .containsExactly(10L, 20L, 30L, 280L, 1010L, 6110L);
    }

    @Test
    void aLongBurstIsPushedOnceAWindowAfterItsStart() {
        // a change every 10 ms for four seconds, as in a bulk load: after its first second, a push every
        // 250 ms, evenly, to the end of the burst (the last change at 3990 ms)
        var pushed = pushedAt(4500, LongStream.rangeClosed(1, 399).map(i -> i * 10).toArray());
        var expected = new ArrayList<>(List.of(10L, 20L, 30L, 280L));
        for (long at = 1010; at <= 4010; at += 250) {
            expected.add(at);
        }
        assertThat(pushed).containsExactlyElementsOf(expected);
    }

    @Test
    void underRandomChangesNoSecondHoldsMoreThanFourPushesAndEveryChangeIsShown() {
        // changes at random moments, in bursts and lulls, for ten minutes of virtual time
        var random = new java.util.SplittableRandom(20261130);
        var at = new java.util.ArrayList<Long>();
        long t = 0;
        while (t < 600_000) {
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
        int afterAWait = 0;
        for (long change : changedAt) {
            long shown = pushedAt.stream().filter(push -> push >= change).findFirst().orElseThrow();
            assertThat(shown - change).as("change at %d ms", change).isLessThanOrEqualTo(1000);
            if (lastShown < change) {
                // nothing still waiting to be pushed: at once after a whole window without a push, or with
                // fewer than three pushes in the last second; else at the end of the last push's window;
                // and never within a second of the fourth push back
                var before = pushedAt.stream().filter(push -> push < change).sorted(java.util.Comparator.reverseOrder())
                        .toList();
                long lastPush = before.isEmpty() ? Long.MIN_VALUE / 2 : before.getFirst();
                long fourthBack = before.size() < PushPacing.PER_SPAN ? Long.MIN_VALUE / 2
                        : before.get(PushPacing.PER_SPAN - 1);
                long lately = before.stream().filter(push -> push > change - 1000).count();
                boolean now = change - lastPush >= 250 || lately < PushPacing.AT_ONCE;
                long expected = Math.max(now ? change : lastPush + 250, fourthBack + 1000);
                assertThat(shown).as("change at %d ms, the last push at %d, %d pushes in the last second", change,
                        lastPush, lately).isEqualTo(expected);
                if (shown == change) {
                    atOnce++;
                } else {
                    afterAWait++;
                }
            }
            lastShown = shown;
        }
        // both cases are met often enough to mean something
        assertThat(atOnce).isGreaterThan(changedAt.size() / 4);
        assertThat(afterAWait).isGreaterThan(changedAt.size() / 20);
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
