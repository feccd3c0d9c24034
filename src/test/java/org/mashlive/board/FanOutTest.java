package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.concurrent.DefaultEventExecutorGroup;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardUpdate;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.mashlive.wallboard.Cards;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The board's rounds: an event that finds none in flight goes at once, alone; events that come
 * meanwhile go together in the next, once the transport has written the last; a subscriber that
 * joins between an event and its round gets it once. And the wait for the transport: every event
 * loop, or a second, whichever comes first.
 */
class FanOutTest {

    private static final Instant NINE = Instant.parse("2026-11-26T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Object lock = new Object();
    private final Set<SubscriberFeed> subscribers = ConcurrentHashMap.newKeySet();
    /** Rounds waiting for the transport to have written the last, in order. */
    private final ArrayDeque<Runnable> writing = new ArrayDeque<>();
    /** The rounds start at once, on the caller's thread; the transport writes when the test says. */
    /** The events of each round, once its writes were out. */
    private final List<Integer> done = new CopyOnWriteArrayList<>();
    private final FanOut fanOut = new FanOut(lock, subscribers, Runnable::run, writing::add, 8, 100,
            (events, nanos) -> done.add(events));

    /** What one subscriber received: each update as the events it carried. */
    private static final class Reader extends BaseSubscriber<SharedUpdate> {
        final List<List<Long>> updates = new CopyOnWriteArrayList<>();

        @Override
        protected void hookOnNext(SharedUpdate update) {
            updates.add(update.update.carried().stream().map(BoardEvent::seq).toList());
        }
    }

    private Reader join(long startsAfter) {
        var feed = new SubscriberFeed(100);
        var reader = new Reader();
        feed.subscribe(reader);
        synchronized (lock) {
            feed.startAfter(startsAfter);
            subscribers.add(feed);
        }
        return reader;
    }

    private void apply(long seq) {
        var card = Cards.card(seq, Source.POLICE, Rag.AMBER, Stage.RECEIVED, NINE, NINE.plusSeconds(86_400));
        synchronized (lock) {
            fanOut.add(Cards.received(seq, card));
        }
    }

    /** The transport has written what it was handed. */
    private void written() {
        var next = writing.poll();
        assertThat(next).as("a round waiting for its writes").isNotNull();
        next.run();
    }

    @Test
    void anEventAloneGoesAtOnceAndEventsThatComeWhileOneIsWrittenGoTogetherInTheNextRound() {
        var a = join(0);
        var b = join(0);

        apply(1);
        assertThat(a.updates).as("at once").containsExactly(List.of(1L));
        apply(2);
        apply(3);
        assertThat(a.updates).as("no second round while the first is being written").containsExactly(List.of(1L));

        assertThat(done).as("told of a round once its writes are out").isEmpty();
        written();
        assertThat(done).containsExactly(1);
        assertThat(a.updates).containsExactly(List.of(1L), List.of(2L, 3L));
        written();
        assertThat(done).containsExactly(1, 2);
        assertThat(writing).as("nothing left to send: the board is idle again").isEmpty();

        apply(4);
        written();
        apply(5);
        written();
        assertThat(a.updates).as("the board was idle: each alone")
                .containsExactly(List.of(1L), List.of(2L, 3L), List.of(4L), List.of(5L));
        assertThat(b.updates).as("every subscriber, the same rounds").isEqualTo(a.updates);
    }

    @Test
    void aSubscriberThatJoinsBetweenAnEventAndItsRoundGetsOnlyWhatItDidNotStartWith() {
        var early = join(0);
        apply(1);
        apply(2);
        apply(3);
        // the board held 1–3 when these joined: 2 and 3 still wait for a round
        var atTwo = join(2);
        var atThree = join(3);
        written();
        apply(4);
        written();
        written();

        assertThat(early.updates).containsExactly(List.of(1L), List.of(2L, 3L), List.of(4L));
        assertThat(atTwo.updates).as("its own part of the round").containsExactly(List.of(3L), List.of(4L));
        assertThat(atThree.updates).containsExactly(List.of(4L));
    }

    @Test
    void aSubscriberThatThrowsHoldsUpNeitherTheOthersNorTheRoundsAfter() {
        var broken = new SubscriberFeed(100);
        // a plain subscriber, not one of Reactor's, which would turn the throw into an error signal
        broken.subscribe(new reactor.core.CoreSubscriber<SharedUpdate>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(SharedUpdate update) {
                throw new IllegalStateException("a subscriber that breaks on what it is sent");
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        });
        synchronized (lock) {
            broken.startAfter(0);
            subscribers.add(broken);
        }
        var reader = join(0);

        apply(1);
        assertThat(reader.updates).containsExactly(List.of(1L));
        written();
        apply(2);
        written();
        assertThat(reader.updates).containsExactly(List.of(1L), List.of(2L));
        assertThat(done).as("every round went on to its end").containsExactly(1, 1);
    }

    @Test
    void anEventThatComesDuringARoundGoesToTheSubscribersNotYetReachedInThatRoundAndToTheOthersInTheNext() {
        // one subscriber a share, so each is a share of its own
        var oneAtATime = new FanOut(lock, subscribers, Runnable::run, writing::add, 8, 1,
                (events, nanos) -> done.add(events));
        var readers = List.of(join(0), join(0), join(0));
        var card = Cards.card(1, Source.POLICE, Rag.AMBER, Stage.RECEIVED, NINE, NINE.plusSeconds(86_400));
        synchronized (lock) {
            oneAtATime.add(Cards.received(1, card));
        }
        // two shares are offered ahead of the transport, and the round waits for the first to be written
        assertThat(readers).filteredOn(reader -> !reader.updates.isEmpty()).hasSize(2);
        assertThat(writing).hasSize(2);
        synchronized (lock) {
            oneAtATime.add(Cards.received(2, card));
        }
        written();
        // the one it had not reached yet is offered 1 and 2 together, in the same round
        assertThat(readers).extracting(reader -> List.copyOf(reader.updates)).containsExactlyInAnyOrder(
                List.of(List.of(1L)), List.of(List.of(1L)), List.of(List.of(1L, 2L)));
        written();
        assertThat(done).as("the round ends once its last share is written").isEmpty();
        written();
        assertThat(done).containsExactly(2);
        // the next round gives the other two 2, and nobody anything twice
        while (!writing.isEmpty()) {
            written();
        }
        assertThat(readers).extracting(reader -> List.copyOf(reader.updates)).containsExactlyInAnyOrder(
                List.of(List.of(1L), List.of(2L)), List.of(List.of(1L), List.of(2L)), List.of(List.of(1L, 2L)));
        assertThat(done).containsExactly(2, 1);
        assertThat(oneAtATime.held()).isZero();
    }

    @Test
    void whatEverySubscriberWasOfferedIsLetGoAndWhatOneStillNeedsIsKept() {
        var reader = join(0);
        apply(1);
        for (long seq = 2; seq <= 21; seq++) {
            apply(seq);
        }
        assertThat(fanOut.held()).as("20 events wait for the round after the first").isEqualTo(21);
        written();
        assertThat(reader.updates).hasSize(2);
        // offered 1, then 2–9 (eight an update): once that is written, 1–9 are let go and 10–21 wait
        written();
        assertThat(fanOut.held()).isEqualTo(12);
        var late = join(21);
        while (!writing.isEmpty()) {
            written();
        }
        assertThat(late.updates).as("joined at 21: nothing to offer it").isEmpty();
        assertThat(fanOut.held()).isZero();
        apply(22);
        assertThat(late.updates).containsExactly(List.of(22L));
        assertThat(reader.updates.getLast()).isEqualTo(List.of(22L));
    }

    @Test
    void aRoundCarriesAtMostItsShareAndTheRestGoInTheRoundsAfter() {
        var reader = join(0);
        apply(1);
        for (long seq = 2; seq <= 21; seq++) {
            apply(seq);
        }
        while (!writing.isEmpty()) {
            written();
        }
        assertThat(reader.updates).as("eight a round at most, every event once, in order").containsExactly(
                List.of(1L), List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), List.of(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L),
                List.of(18L, 19L, 20L, 21L));
        assertThat(fanOut.held()).as("nothing held once every subscriber was offered everything").isZero();
    }

    @Test
    void theTransportHasWrittenWhenEveryLoopHasRunWhatWasQueuedOnItOrASecondHasPassed() throws Exception {
        var loops = new DefaultEventExecutorGroup(2);
        var timer = VirtualTimeScheduler.create();
        try {
            var written = FanOut.Written.after(loops, timer, Duration.ofSeconds(1));
            var busy = new CountDownLatch(1);
            var first = loops.next();
            first.execute(() -> await(busy)); // a write still under way on one loop
            var calls = new AtomicInteger();
            var done = new CountDownLatch(1);
            written.then(() -> {
                calls.incrementAndGet();
                done.countDown();
            });
            timer.advanceTimeBy(Duration.ofMillis(999));
            assertThat(calls).as("one loop has not got to it").hasValue(0);
            busy.countDown();
            assertThat(done.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            timer.advanceTimeBy(Duration.ofSeconds(5));
            assertThat(calls).as("once").hasValue(1);

            var stuck = new CountDownLatch(1);
            first.execute(() -> await(stuck)); // and now a loop that does not come back
            var late = new AtomicInteger();
            written.then(late::incrementAndGet);
            timer.advanceTimeBy(Duration.ofMillis(999));
            assertThat(late).hasValue(0);
            timer.advanceTimeBy(Duration.ofMillis(1));
            assertThat(late).as("let go after a second").hasValue(1);
            stuck.countDown();
            var after = new CountDownLatch(1);
            first.execute(after::countDown);
            assertThat(after.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(late).as("not again when the loop gets to it").hasValue(1);
        } finally {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void severalEventsAreConsecutiveAndEndAtTheUpdatesSequence() {
        var card = Cards.card(1, Source.POLICE, Rag.AMBER, Stage.RECEIVED, NINE, NINE.plusSeconds(86_400));
        var events = List.of(Cards.received(4, card), Cards.received(5, card), Cards.received(6, card));
        var together = BoardUpdate.of(events);
        assertThat(together.kind()).isEqualTo(BoardUpdate.Kind.EVENTS);
        assertThat(together.seq()).isEqualTo(6);
        assertThat(together.carried()).containsExactlyElementsOf(events);
        assertThat(BoardUpdate.of(events.subList(0, 1)).kind()).as("one alone is an EVENT").isEqualTo(BoardUpdate.Kind.EVENT);

        assertThatThrownBy(() -> BoardUpdate.of(List.of(events.get(0), events.get(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 came after 4");
        assertThatThrownBy(() -> new BoardUpdate(BoardUpdate.Kind.EVENTS, 9, NINE, null, null, events))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends at its seq 9");
    }
}
