package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.test.StepVerifier;

/** One subscriber's feed: its pace, its bound, its heartbeats; and an update's bytes, encoded once and shared. */
class SubscriberFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static SharedUpdate event(long seq) {
        return new SharedUpdate(BoardUpdate.heartbeat(seq, Instant.EPOCH));
    }

    @Test
    void sendsOnlyWhatTheSubscriberAskedFor() {
        var feed = new SubscriberFeed(10);
        StepVerifier.create(feed, 0)
                .then(() -> List.of(event(1), event(2), event(3)).forEach(feed::offer))
                .expectNoEvent(Duration.ZERO)
                .thenRequest(2)
                .expectNextMatches(update -> update.update.seq() == 1)
                .expectNextMatches(update -> update.update.seq() == 2)
                .then(() -> assertThat(feed.queued()).isEqualTo(1))
                .thenRequest(1)
                .expectNextMatches(update -> update.update.seq() == 3)
                .then(feed::complete)
                .verifyComplete();
    }

    @Test
    void aSubscriberAWholeBufferBehindIsCutOffAtOnceAheadOfWhatIsQueued() {
        var feed = new SubscriberFeed(3);
        StepVerifier.create(feed, 1)
                .then(() -> feed.offer(event(1)))
                .expectNextMatches(update -> update.update.seq() == 1)
                .then(() -> List.of(event(2), event(3), event(4)).forEach(feed::offer))
                .then(() -> assertThat(feed.queued()).isEqualTo(3))
                // the fourth waiting update does not fit: the error does not wait behind the three
                .then(() -> feed.offer(event(5)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(LiveBoard.SlowSubscriberException.class)
                        .hasMessageContaining("lastSeq"))
                .verify(WAIT);
        assertThat(feed.queued()).isZero();
    }

    @Test
    void eventsSentTogetherTakeAPlaceEachInTheBuffer() {
        var card = org.mashlive.wallboard.Cards.card(1, org.mashlive.board.api.Source.POLICE,
                org.mashlive.board.api.Rag.AMBER, org.mashlive.board.api.Stage.RECEIVED, Instant.EPOCH, Instant.EPOCH);
        var together = new SharedUpdate(BoardUpdate.of(List.of(org.mashlive.wallboard.Cards.received(1, card),
                org.mashlive.wallboard.Cards.received(2, card), org.mashlive.wallboard.Cards.received(3, card))));
        var feed = new SubscriberFeed(4);
        StepVerifier.create(feed, 0)
                .then(() -> feed.offer(together))
                .then(() -> assertThat(feed.queued()).isEqualTo(3))
                .then(() -> feed.offer(event(4)))
                .then(() -> assertThat(feed.queued()).isEqualTo(4))
                // a fifth event would be over the buffer of four, though only two updates wait
                .then(() -> feed.offer(event(5)))
                .expectError(LiveBoard.SlowSubscriberException.class)
                .verify(WAIT);
        assertThat(feed.queued()).isZero();
    }

    @Test
    void aTickWaitsForDemandAndTicksMeanwhileAreDroppedWithoutTakingABufferPlace() {
        var feed = new SubscriberFeed(2);
        StepVerifier.create(feed, 0)
                .then(() -> {
                    feed.tick(System.nanoTime());
                    feed.tick(System.nanoTime());
                    feed.tick(System.nanoTime());
                    feed.offer(event(1));
                    feed.offer(event(2));
                })
                // two updates and three ticks wait; the buffer of two is full but not over
                .then(() -> assertThat(feed.queued()).isEqualTo(2))
                .thenRequest(10)
                .expectNextMatches(update -> update.update.seq() == 1)
                .expectNextMatches(update -> update.update.seq() == 2)
                .expectNext(SubscriberFeed.TICK)
                .expectNoEvent(Duration.ZERO)
                .then(() -> feed.tick(System.nanoTime()))
                .expectNext(SubscriberFeed.TICK)
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aStreamSentAnythingSinceTheTicksMomentIsNotSentAHeartbeat() {
        long begun = System.nanoTime() - 1;
        var feed = new SubscriberFeed(4);
        StepVerifier.create(feed, 10)
                // a feed that has just begun has just sent its snapshot: not quiet since before that
                .then(() -> feed.tick(begun))
                .expectNoEvent(Duration.ZERO)
                .then(() -> feed.offer(event(1)))
                .expectNextMatches(update -> update.update.seq() == 1)
                .then(() -> {
                    long afterTheEvent = System.nanoTime();
                    // busy since the moment before the event: no heartbeat
                    feed.tick(begun);
                    // quiet since the event was sent: one heartbeat
                    feed.tick(afterTheEvent);
                })
                .expectNext(SubscriberFeed.TICK)
                // the heartbeat was sent too, so a tick asking for quiet since before it finds none
                .then(() -> feed.tick(begun))
                .expectNoEvent(Duration.ZERO)
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aRequestForNothingIsAnError() {
        var feed = new SubscriberFeed(2);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        feed.subscribe(new reactor.core.publisher.BaseSubscriber<SharedUpdate>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                subscription.request(0);
            }

            @Override
            protected void hookOnError(Throwable error) {
                failure.set(error);
            }
        });
        assertThat(failure.get()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
    }

    @Test
    void anUpdateIsEncodedOncePerDataTypeAndEverySendReadsTheSameBytes() throws Exception {
        var update = SharedUpdate.forMany(BoardUpdate.heartbeat(7, Instant.EPOCH));
        var calls = new AtomicInteger();
        var cbor = MimeType.valueOf("application/cbor");
        int senders = 8;
        var start = new CountDownLatch(1);
        var results = new ArrayList<java.util.concurrent.Future<List<ByteBuf>>>();
        try (var pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return List.of(update.send(MimeTypeUtils.APPLICATION_JSON, (value, mime) -> {
                                calls.incrementAndGet();
                                return ("json " + value.seq()).getBytes(StandardCharsets.UTF_8);
                            }),
                            update.send(cbor, (value, mime) -> {
                                calls.incrementAndGet();
                                return ("cbor " + value.seq()).getBytes(StandardCharsets.UTF_8);
                            }));
                }));
            }
            start.countDown();
            var first = results.getFirst().get();
            for (var result : results) {
                var sent = result.get();
                // outside the heap, and the very same memory for every send: nothing encoded twice, nothing copied
                assertThat(sent).allMatch(ByteBuf::isDirect);
                assertThat(address(sent.get(0))).isEqualTo(address(first.get(0)));
                assertThat(address(sent.get(1))).isEqualTo(address(first.get(1)));
                assertThat(sent.get(0).toString(StandardCharsets.UTF_8)).isEqualTo("json 7");
                assertThat(sent.get(1).toString(StandardCharsets.UTF_8)).isEqualTo("cbor 7");
            }
            assertThat(address(first.get(0))).isNotEqualTo(address(first.get(1)));
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void eachSendIsItsOwnBufferSoOneReleasedLeavesTheOthersWholeAndNoneCanWrite() {
        var update = SharedUpdate.forMany(BoardUpdate.heartbeat(7, Instant.EPOCH));
        BiFunction<BoardUpdate, MimeType, byte[]> encoder = (value, mime) ->
                ("json " + value.seq()).getBytes(StandardCharsets.UTF_8);
        var one = update.send(MimeTypeUtils.APPLICATION_JSON, encoder);
        var other = update.send(MimeTypeUtils.APPLICATION_JSON, encoder);
        // a subscriber's send written (or dropped) releases its buffer: the others still read theirs
        assertThat(one.release()).isTrue();
        assertThat(other.refCnt()).isEqualTo(1);
        assertThat(other.toString(StandardCharsets.UTF_8)).isEqualTo("json 7");
        assertThat(other.release()).isTrue();
        // and a subscriber that sends it later, after every earlier send is done, still has it
        var later = update.send(MimeTypeUtils.APPLICATION_JSON, encoder);
        assertThat(later.toString(StandardCharsets.UTF_8)).isEqualTo("json 7");
        assertThatThrownBy(() -> later.setByte(0, 'X')).isInstanceOf(java.nio.ReadOnlyBufferException.class);
        assertThat(update.send(MimeTypeUtils.APPLICATION_JSON, encoder).toString(StandardCharsets.UTF_8))
                .isEqualTo("json 7");
    }

    @Test
    void anUpdateForOneSubscriberStaysOnTheHeap() {
        var heartbeat = event(7);
        var sent = heartbeat.send(MimeTypeUtils.APPLICATION_JSON,
                (value, mime) -> ("json " + value.seq()).getBytes(StandardCharsets.UTF_8));
        assertThat(sent.isDirect()).isFalse();
        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("json 7");
    }

    /** Where the buffer's bytes are, as the epoll transport finds them to write them. */
    private static long address(ByteBuf buffer) {
        io.netty.channel.epoll.Epoll.ensureAvailability();
        return io.netty.channel.unix.Buffer.memoryAddress(buffer.nioBuffer());
    }
}
