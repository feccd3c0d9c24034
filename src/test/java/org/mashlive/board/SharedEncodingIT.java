package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardUpdate;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.MimeType;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * Each board update is encoded once per data type and the same bytes go to every subscriber:
 * what JSON and CBOR subscribers receive, over real RSocket connections, is byte for byte what
 * the application's own encoder makes of the same update, several streams on one connection and
 * streams on connections of their own alike, every event, in order. And a subscriber that stops
 * reading is still cut off, without holding up the ones that read.
 */
@BackendTest
// no heartbeats: each is its subscriber's own encoding, and the encodings made are counted here
@TestPropertySource(properties = {"mash.board.subscriber-buffer=32", "mash.board.heartbeat=1h"})
class SharedEncodingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final MimeType JSON = MediaType.APPLICATION_JSON;
    private static final MimeType CBOR = MediaType.APPLICATION_CBOR;
    private static final ResolvableType UPDATE = ResolvableType.forClass(BoardUpdate.class);

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    RSocketStrategies strategies;

    @Autowired
    BoardEventStore store;

    @Autowired
    LiveBoard board;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final List<Disposable> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Disposable::dispose);
    }

    /** One stream's payloads, as the bytes that arrived. */
    static final class Received extends BaseSubscriber<Payload> {

        final MimeType mime;
        final long ask;
        final List<byte[]> payloads = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Received(MimeType mime, long ask) {
            this.mime = mime;
            this.ask = ask;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(ask);
        }

        @Override
        protected void hookOnNext(Payload payload) {
            payloads.add(ByteBufUtil.getBytes(payload.sliceData()));
            payload.release();
        }

        @Override
        protected void hookOnError(Throwable failure) {
            error.set(failure);
        }
    }

    private RSocket connect(MimeType mime) {
        RSocket socket = RSocketConnector.create()
                .dataMimeType(mime.toString())
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .connect(TcpClientTransport.create("localhost", rsocketPort))
                .block(WAIT);
        opened.add(socket);
        return socket;
    }

    private Received subscribe(RSocket socket, MimeType mime, long ask) {
        var received = new Received(mime, ask);
        socket.requestStream(DefaultPayload.create(Unpooled.EMPTY_BUFFER,
                RawRSocket.metadata(BoardRoutes.STREAM, Access.DEMO_BOARD_TOKEN))).subscribe(received);
        opened.add(received);
        return received;
    }

    private BoardUpdate decode(byte[] bytes, MimeType mime) {
        return (BoardUpdate) strategies.decoder(UPDATE, mime)
                .decode(DefaultDataBufferFactory.sharedInstance.wrap(bytes), UPDATE, mime, Map.of());
    }

    /** The application's own encoding of {@code update}, made here, apart from the stream. */
    private byte[] reference(BoardUpdate update, MimeType mime) {
        var buffer = strategies.encoder(UPDATE, mime)
                .encodeValue(update, DefaultDataBufferFactory.sharedInstance, UPDATE, mime, Map.of());
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        return bytes;
    }

    private List<BoardUpdate> updates(Received received) {
        return received.payloads.stream().map(bytes -> decode(bytes, received.mime)).toList();
    }

    private long lastEventSeq(Received received) {
        return updates(received).stream().filter(update -> !update.carried().isEmpty())
                .mapToLong(BoardUpdate::seq).max().orElse(-1);
    }

    /** The sequences of the events a stream received, each update's in order. */
    private List<Long> eventSeqs(Received received) {
        return updates(received).stream().flatMap(update -> update.carried().stream()).map(BoardEvent::seq).toList();
    }

    /** Holds the board's next round until the latch returned is counted down: what the board applies meanwhile waits for it. */
    private java.util.concurrent.CountDownLatch holdTheNextRound() {
        var release = new java.util.concurrent.CountDownLatch(1);
        board.onRoundThread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    /** Posts {@code referrals} and waits until the board has applied every event they committed; its last sequence. */
    private long post(int referrals) {
        var api = TestClients.web(httpPort);
        Flux.range(0, referrals).flatMap(i -> api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().toBodilessEntity(), 4).blockLast(WAIT);
        await().atMost(WAIT).until(() -> !store.after(board.seq(), 1).hasElements().block(WAIT));
        return board.seq();
    }

    @Test
    void jsonAndCborSubscribersReceiveTheApplicationsOwnEncodingOfEveryEventByteForByte() {
        var jsonShared = connect(JSON);
        var cborShared = connect(CBOR);
        var streams = List.of(
                // three streams on one connection, two on another, and one each on connections of their own
                subscribe(jsonShared, JSON, Long.MAX_VALUE), subscribe(jsonShared, JSON, Long.MAX_VALUE),
                subscribe(jsonShared, JSON, Long.MAX_VALUE),
                subscribe(cborShared, CBOR, Long.MAX_VALUE), subscribe(cborShared, CBOR, Long.MAX_VALUE),
                subscribe(connect(JSON), JSON, Long.MAX_VALUE), subscribe(connect(CBOR), CBOR, Long.MAX_VALUE));
        await().atMost(WAIT).until(() -> streams.stream().allMatch(stream -> !stream.payloads.isEmpty()));
        long start = streams.stream().mapToLong(stream -> decode(stream.payloads.getFirst(), stream.mime).seq())
                .min().orElseThrow();

        long last = post(5);
        assertThat(last).isGreaterThanOrEqualTo(start + 5);
        await().atMost(WAIT).until(() -> streams.stream().allMatch(stream -> lastEventSeq(stream) >= last));

        for (var stream : streams) {
            assertThat(stream.error.get()).isNull();
            var updates = updates(stream);
            var first = updates.getFirst();
            assertThat(first.kind()).isEqualTo(BoardUpdate.Kind.SNAPSHOT);
            // the snapshot is the application's encoding of itself: nothing added or lost on the way
            assertThat(stream.payloads.getFirst()).isEqualTo(reference(first, stream.mime));
            var events = new ArrayList<Long>();
            for (int i = 0; i < updates.size(); i++) {
                var update = updates.get(i);
                var carried = update.carried();
                if (carried.isEmpty()) {
                    continue;
                }
                carried.forEach(event -> events.add(event.seq()));
                // the events as the outbox holds them, encoded here: the very bytes that arrived
                var stored = store.after(carried.getFirst().seq() - 1, carried.size()).collectList().block(WAIT);
                assertThat(stream.payloads.get(i)).as("update %d in %s", update.seq(), stream.mime)
                        .isEqualTo(reference(BoardUpdate.of(stored), stream.mime));
            }
            // every event after the snapshot, each once, in order
            assertThat(events).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(first.seq() + 1, last).boxed().toList());
        }
    }

    @Test
    void eventsCommittedWhileARoundIsInFlightGoTogetherAsOneUpdateEncodedOnceAndDecodedAlike() throws Exception {
        var streams = List.of(subscribe(connect(JSON), JSON, Long.MAX_VALUE),
                subscribe(connect(CBOR), CBOR, Long.MAX_VALUE));
        await().atMost(WAIT).until(() -> streams.stream().allMatch(stream -> !stream.payloads.isEmpty()));
        long start = board.seq();
        var carried = meters.get("mash.board.round.events").summary();
        var rounds = meters.get("mash.board.round").timer();
        long roundsBefore = rounds.count();
        double carriedBefore = carried.totalAmount();

        // the next round cannot start until released: what the board applies meanwhile waits for it
        var release = holdTheNextRound();
        long last;
        try {
            last = post(6);
            assertThat(streams.stream().map(this::lastEventSeq)).as("nothing sent while the round is held")
                    .allMatch(seq -> seq < start + 1);
        } finally {
            release.countDown();
        }
        await().atMost(WAIT).until(() -> streams.stream().allMatch(stream -> lastEventSeq(stream) >= last));

        var stored = store.after(start, (int) (last - start)).collectList().block(WAIT);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(6);
        // the meters: one round more, carrying them all
        await().atMost(WAIT).until(() -> rounds.count() > roundsBefore);
        assertThat(rounds.count()).isEqualTo(roundsBefore + 1);
        assertThat(carried.totalAmount() - carriedBefore).isEqualTo(stored.size());
        assertThat(carried.max()).isGreaterThanOrEqualTo(stored.size());
        for (var stream : streams) {
            var updates = updates(stream);
            var carrying = java.util.stream.IntStream.range(0, updates.size())
                    .filter(i -> !updates.get(i).carried().isEmpty()).boxed().toList();
            assertThat(carrying).as("one update carries them all, in %s", stream.mime).hasSize(1);
            var together = updates.get(carrying.getFirst());
            assertThat(together.kind()).isEqualTo(BoardUpdate.Kind.EVENTS);
            assertThat(together.seq()).isEqualTo(last);
            assertThat(together.events()).as("every event, in order, as stored").isEqualTo(stored);
            assertThat(stream.payloads.get(carrying.getFirst())).as("the application's own encoding of them, byte for byte")
                    .isEqualTo(reference(BoardUpdate.of(stored), stream.mime));
        }
    }

    /** Every encoding of an update the backend has made so far, whatever its data type. */
    private double encodings() {
        return meters.find("mash.board.encodings").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /**
     * A connection may set up JSON with parameters: a charset of UTF-8, which JSON is anyway, or
     * one of its own making; or CBOR with one. Its subscribers are sent the bytes every subscriber
     * of that type is sent, made once: were each data type as declared a key of its own, any client could make the backend
     * encode every update, and keep it outside the heap, once for each connection it opens.
     */
    @Test
    void connectionsThatSetUpJsonOrCborWithParametersOfTheirOwnShareOneEncodingOfEachUpdate() {
        var declared = List.of(JSON, MimeType.valueOf("application/json;charset=UTF-8"),
                MimeType.valueOf("application/json;charset=utf-8;x-board=1"),
                MimeType.valueOf("application/json;x-board=2"), MimeType.valueOf("application/json;x-board=3"),
                CBOR, MimeType.valueOf("application/cbor;x-board=4"));
        var streams = declared.stream().map(mime -> subscribe(connect(mime),
                CBOR.equalsTypeAndSubtype(mime) ? CBOR : JSON, Long.MAX_VALUE)).toList();
        await().atMost(WAIT).until(() -> streams.stream().allMatch(stream -> !stream.payloads.isEmpty()));
        long start = board.seq();
        double before = encodings();

        // the events of three referrals applied while the next round is held: one update for all seven
        var release = holdTheNextRound();
        long last;
        try {
            last = post(3);
        } finally {
            release.countDown();
        }
        await().atMost(WAIT).until(() -> streams.stream().allMatch(stream -> lastEventSeq(stream) >= last));

        assertThat(encodings() - before).as("encodings made of the one update sent to all seven: JSON, CBOR")
                .isEqualTo(2);
        var stored = store.after(start, (int) (last - start)).collectList().block(WAIT);
        for (var stream : streams) {
            assertThat(stream.error.get()).isNull();
            assertThat(stream.payloads.getLast()).isEqualTo(reference(BoardUpdate.of(stored), stream.mime));
        }
    }

    /**
     * A stream is refused at its start, with an error naming the data type, when its connection set
     * up with JSON in another charset than UTF-8 or with a type of its own that JSON's encoder would
     * also write; and a type no route reads is refused before its request is read, naming the type.
     * None is sent anything.
     */
    @Test
    void aStreamInADataTypeTheBoardIsNotSentInIsRefusedAndSentNothing() {
        var refused = new ArrayList<Received>();
        for (var declared : List.of("application/json;charset=ISO-8859-1", "application/json;charset=UTF-16",
                "application/vnd.board-7+json")) {
            var mime = MimeType.valueOf(declared);
            refused.add(subscribe(connect(mime), mime, Long.MAX_VALUE));
        }
        var text = MimeType.valueOf("text/plain");
        var inText = subscribe(connect(text), text, Long.MAX_VALUE);
        await().atMost(WAIT).until(() -> inText.error.get() != null
                && refused.stream().allMatch(stream -> stream.error.get() != null));
        for (var stream : refused) {
            assertThat(stream.error.get().getMessage()).isEqualTo(
                    "board.stream is sent as application/json (UTF-8) or application/cbor, not as " + stream.mime
                            + ", the data type this connection set up with");
            assertThat(stream.payloads).isEmpty();
        }
        assertThat(inText.error.get().getMessage()).isEqualTo("board.stream: this connection set up with the data "
                + "type text/plain; payloads are read and sent as application/json or application/cbor");
        assertThat(inText.payloads).isEmpty();
    }

    @Test
    void aSubscriberThatStopsReadingIsCutOffWithoutHoldingUpTheOthersOnItsConnectionOrElsewhere() {
        int before = board.subscriberCount();
        var jsonConnection = connect(JSON);
        var cborConnection = connect(CBOR);
        // each reads the snapshot, then asks for nothing more: boards that froze, beside ones that read
        var stuckJson = subscribe(jsonConnection, JSON, 1);
        var stuckCbor = subscribe(cborConnection, CBOR, 1);
        var readers = List.of(subscribe(jsonConnection, JSON, Long.MAX_VALUE),
                subscribe(cborConnection, CBOR, Long.MAX_VALUE), subscribe(connect(JSON), JSON, Long.MAX_VALUE));
        await().atMost(WAIT).until(() -> stuckJson.payloads.size() == 1 && stuckCbor.payloads.size() == 1
                && readers.stream().allMatch(reader -> !reader.payloads.isEmpty())
                && board.subscriberCount() == before + 5);

        // more than the buffer of 32
        long last = post(40);
        await().atMost(WAIT).until(() -> readers.stream().allMatch(reader -> lastEventSeq(reader) >= last));
        await().atMost(WAIT).until(() -> stuckJson.error.get() != null && stuckCbor.error.get() != null);

        for (var stuck : List.of(stuckJson, stuckCbor)) {
            assertThat(stuck.error.get().getMessage()).contains("fell too far behind");
            assertThat(stuck.payloads).hasSize(1);
        }
        await().atMost(WAIT).until(() -> board.subscriberCount() == before + 3);
        for (var reader : readers) {
            assertThat(reader.error.get()).isNull();
            var updates = updates(reader);
            long snapshot = updates.getFirst().seq();
            assertThat(eventSeqs(reader))
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(snapshot + 1, last).boxed()
                            .toList());
        }
    }
}
