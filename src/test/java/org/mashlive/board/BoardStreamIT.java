package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.ClientTransport;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.referral.ReferralSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The board's RSocket routes end to end: real PostgreSQL, real NOTIFY, real TCP and WebSocket. */
@BackendTest
class BoardStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    RSocketRequester.Builder requesters;

    @Autowired
    PostgresEndpoint database;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    RSocketRequester requester(MediaType dataType) {
        var requester = TestClients.rsocket(requesters, rsocketPort, dataType);
        opened.add(requester);
        return requester;
    }

    ReferralSummary post() {
        return postAsync().block(WAIT);
    }

    Mono<ReferralSummary> postAsync() {
        return TestClients.web(httpPort).post().uri("/api/referrals")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(TestReferrals.police())
                .retrieve().bodyToMono(ReferralSummary.class);
    }

    Flux<BoardUpdate> stream(RSocketRequester requester, Long lastSeq) {
        return requester.route(BoardRoutes.STREAM).data(new BoardStreamRequest(lastSeq))
                .retrieveFlux(BoardUpdate.class)
                .filter(update -> update.kind() != BoardUpdate.Kind.HEARTBEAT);
    }

    @Test
    void aJsonSubscriberGetsASnapshotThenEachCommittedChange() {
        var seq = new AtomicLong();
        var posted = new AtomicReference<ReferralSummary>();
        var heard = new AtomicReference<String>();
        StepVerifier.create(stream(requester(MediaType.APPLICATION_JSON), null))
                .assertNext(update -> {
                    assertThat(update.kind()).isEqualTo(BoardUpdate.Kind.SNAPSHOT);
                    assertThat(update.snapshot().seq()).isEqualTo(update.seq());
                    seq.set(update.seq());
                })
                .then(() -> postAsync().subscribe(posted::set))
                .assertNext(update -> {
                    assertThat(update.kind()).isEqualTo(BoardUpdate.Kind.EVENT);
                    assertThat(update.seq()).isEqualTo(seq.get() + 1);
                    assertThat(update.event().type()).isEqualTo(BoardEventType.REFERRAL_RECEIVED);
                    heard.set(update.event().referral().reference());
                })
                .thenCancel()
                .verify(WAIT);
        // The event may overtake the HTTP answer; compare once both are in.
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> posted.get() != null);
        assertThat(heard.get()).isEqualTo(posted.get().reference());
    }

    @Test
    void aSubscriberThatResumesFromItsLastSequenceGetsEveryEventItMissedAndNoSnapshot() {
        var requester = requester(MediaType.APPLICATION_JSON);
        long before = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT).seq();
        var missed = List.of(post().reference(), post().reference(), post().reference());

        StepVerifier.create(stream(requester, before).take(3))
                .assertNext(update -> assertThat(update.seq()).isEqualTo(before + 1))
                .assertNext(update -> assertThat(update.seq()).isEqualTo(before + 2))
                .assertNext(update -> assertThat(update.seq()).isEqualTo(before + 3))
                .verifyComplete();
        List<String> references = stream(requester, before).take(3)
                .map(update -> update.event().referral().reference()).collectList().block(WAIT);
        assertThat(references).containsExactlyElementsOf(missed);
    }

    @Test
    void aStreamResumedAtTheHeadHeartbeatsAtOnce() {
        var requester = requester(MediaType.APPLICATION_JSON);
        long head = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT).seq();
        Instant subscribed = Instant.now();
        // nothing happens meanwhile: the first item is a heartbeat at the head, sent at once rather
        // than at the first tick of the heartbeat (1 s here) or with the next event
        StepVerifier.create(requester.route(BoardRoutes.STREAM).data(new BoardStreamRequest(head))
                        .retrieveFlux(BoardUpdate.class))
                .assertNext(update -> {
                    assertThat(update.kind()).isEqualTo(BoardUpdate.Kind.HEARTBEAT);
                    assertThat(update.seq()).isEqualTo(head);
                    assertThat(Duration.between(subscribed, update.at())).isLessThan(Duration.ofSeconds(1));
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void aBusyStreamIsSentHeartbeatsOnlyInItsPausesAndAQuietOneEveryInterval() {
        var requester = requester(MediaType.APPLICATION_JSON);
        long head = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT).seq();
        record Heard(BoardUpdate.Kind kind, long nanos) { }
        var heard = new java.util.concurrent.CopyOnWriteArrayList<Heard>();
        var subscription = requester.route(BoardRoutes.STREAM).data(new BoardStreamRequest(head))
                .retrieveFlux(BoardUpdate.class)
                .subscribe(update -> heard.add(new Heard(update.kind(), System.nanoTime())));
        try {
            // resumed at the head: a heartbeat at once
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !heard.isEmpty());

            // busy for three and a half heartbeat intervals (1 s here): one referral after another
            long busyFrom = System.nanoTime();
            while (System.nanoTime() - busyFrom < Duration.ofMillis(3_500).toNanos()) {
                post();
            }
            long busyTo = System.nanoTime();
            // then quiet: heartbeats again, one each interval
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> heard.stream()
                    .filter(item -> item.kind() == BoardUpdate.Kind.HEARTBEAT && item.nanos() > busyTo).count() >= 2);

            var items = List.copyOf(heard);
            int firstEvent = 0;
            while (items.get(firstEvent).kind() == BoardUpdate.Kind.HEARTBEAT) {
                firstEvent++;
            }
            int lastEvent = items.size() - 1;
            while (items.get(lastEvent).kind() == BoardUpdate.Kind.HEARTBEAT) {
                lastEvent--;
            }
            assertThat(lastEvent - firstEvent).as("updates while busy").isGreaterThan(10);
            // while busy, a heartbeat only where nothing was sent for half an interval (a slow
            // intake's pause), never beside an event: timed as heard here, with room for the way
            for (int i = firstEvent + 1; i < lastEvent; i++) {
                if (items.get(i).kind() == BoardUpdate.Kind.HEARTBEAT) {
                    assertThat(Duration.ofNanos(items.get(i).nanos() - items.get(i - 1).nanos()))
                            .as("a heartbeat while busy, after the item before it")
                            .isGreaterThan(Duration.ofMillis(250));
                }
            }
            // quiet: the first heartbeat within an interval and a half of the last event, the next
            // an interval later
            var quiet = items.subList(lastEvent, items.size());
            assertThat(Duration.ofNanos(quiet.get(1).nanos() - quiet.get(0).nanos()))
                    .isLessThan(Duration.ofMillis(2_500));
            assertThat(Duration.ofNanos(quiet.get(2).nanos() - quiet.get(1).nanos()))
                    .isBetween(Duration.ofMillis(500), Duration.ofMillis(1_500));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void aNotificationFromAnotherConnectionReachesTheStream() {
        var requester = requester(MediaType.APPLICATION_JSON);
        var existing = post();
        long before = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT).seq();
        var card = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT)
                .open().stream().filter(c -> c.reference().equals(existing.reference())).findFirst().orElseThrow();
        String cardJson = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(card);

        // Written on a connection that knows nothing of the backend, exactly as another instance would.
        Mono<Void> foreignWrite = Mono.usingWhen(database.connectionFactory().create(),
                connection -> Mono.from(connection.beginTransaction())
                        .then(Mono.from(connection.createStatement("""
                                        WITH next AS (UPDATE board_sequence SET last_seq = last_seq + 1 RETURNING last_seq)
                                        INSERT INTO board_event (seq, type, payload)
                                        SELECT last_seq, 'STAGE_CHANGED', $1::jsonb FROM next""")
                                .bind("$1", cardJson).execute()).flatMap(result -> Mono.from(result.getRowsUpdated())))
                        .then(Mono.from(connection.commitTransaction())),
                connection -> connection.close());

        StepVerifier.create(stream(requester, before))
                .then(() -> foreignWrite.block(WAIT))
                .assertNext(update -> {
                    assertThat(update.seq()).isEqualTo(before + 1);
                    assertThat(update.event().type()).isEqualTo(BoardEventType.STAGE_CHANGED);
                    assertThat(update.event().referral().reference()).isEqualTo(existing.reference());
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void cborClientsAreServedToo() {
        var snapshot = requester(MediaType.APPLICATION_CBOR).route(BoardRoutes.SNAPSHOT)
                .retrieveMono(BoardSnapshot.class).block(WAIT);
        assertThat(snapshot.timescales()).hasSize(4);
        assertThat(snapshot.day()).isNotNull();
    }

    @Test
    void aNegativeLastSequenceIsRefusedWithAnErrorNamingIt() {
        StepVerifier.create(stream(requester(MediaType.APPLICATION_JSON), -5L))
                .expectErrorSatisfies(error -> assertThat(error.getMessage()).contains("lastSeq"))
                .verify(WAIT);
    }

    @Test
    void aClientInAnyLanguageCanSubscribeWithPlainJsonOverTcp() {
        assertPlainJsonSubscription(TcpClientTransport.create("localhost", rsocketPort));
    }

    @Test
    void aClientInAnyLanguageCanSubscribeWithPlainJsonOverWebSocket() {
        assertPlainJsonSubscription(WebsocketClientTransport.create(URI.create("ws://localhost:" + httpPort + "/rsocket")));
    }

    /** Builds the frames by hand, as a client without Spring would: JSON text, a routing tag and a bearer token. */
    private void assertPlainJsonSubscription(ClientTransport transport) {
        RSocket socket = RSocketConnector.create()
                .dataMimeType("application/json")
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .connect(transport)
                .block(WAIT);
        try {
            var allocator = ByteBufAllocator.DEFAULT;
            var metadata = allocator.compositeBuffer();
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                    TaggingMetadataCodec.createRoutingMetadata(allocator, List.of(BoardRoutes.STREAM)).getContent());
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator,
                    WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
                    AuthMetadataCodec.encodeBearerMetadata(allocator, Access.DEMO_BOARD_TOKEN.toCharArray()));
            Payload request = DefaultPayload.create(
                    Unpooled.copiedBuffer("{\"lastSeq\":null}", StandardCharsets.UTF_8), metadata);
            String first = socket.requestStream(request).map(Payload::getDataUtf8).blockFirst(WAIT);
            assertThat(first).contains("\"kind\":\"SNAPSHOT\"").contains("\"timescales\":[");
        } finally {
            socket.dispose();
        }
    }
}
