package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

/**
 * Each {@code board.stream} subscriber goes at its own pace: one that asks for a single item and
 * never for more, over a raw RSocket connection, holds up neither the heartbeats nor the events of
 * another, however long it stays.
 */
@ShortLimitsBackendTest
class BoardStreamPaceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = ShortLimitsBackendTest.HEARTBEAT;

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    RSocketRequester.Builder requesters;

    @Autowired
    LiveBoard board;

    private final List<Disposable> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Disposable::dispose);
    }

    @Test
    void aSubscriberThatNeverAsksForMoreHoldsUpNobodyElse() {
        int before = board.subscriberCount();
        RSocket raw = RSocketConnector.create()
                .dataMimeType("application/json")
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .connect(TcpClientTransport.create("localhost", rsocketPort))
                .block(WAIT);
        opened.add(raw);
        var stuckReceived = new CopyOnWriteArrayList<String>();
        var stuckError = new AtomicReference<Throwable>();
        var stuck = new BaseSubscriber<Payload>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(Payload payload) {
                stuckReceived.add(payload.getDataUtf8());
                payload.release();
            }

            @Override
            protected void hookOnError(Throwable failure) {
                stuckError.set(failure);
            }
        };
        raw.requestStream(DefaultPayload.create(Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8),
                RawRSocket.metadata(BoardRoutes.STREAM, Access.DEMO_BOARD_TOKEN))).subscribe(stuck);
        opened.add(stuck);

        var requester = TestClients.rsocket(requesters, rsocketPort, MediaType.APPLICATION_JSON);
        opened.add(requester::dispose);
        var heartbeats = new CopyOnWriteArrayList<Instant>();
        var events = new CopyOnWriteArrayList<BoardUpdate>();
        var lastSeq = new AtomicReference<Long>(-1L);
        opened.add(requester.route(BoardRoutes.STREAM).data(BoardStreamRequest.fresh())
                .retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne)
                .subscribe(update -> {
                    switch (update.kind()) {
                        case HEARTBEAT -> heartbeats.add(Instant.now());
                        case EVENT -> events.add(update);
                        case SNAPSHOT -> { }
                    }
                    lastSeq.set(update.seq());
                }));
        await().atMost(WAIT).until(() -> stuckReceived.size() == 1 && lastSeq.get() >= 0
                && board.subscriberCount() == before + 2);
        assertThat(stuckReceived.getFirst()).contains("\"kind\":\"SNAPSHOT\"");

        // a shared heartbeat stalled after 32 ticks (the stuck subscriber's share of it), so
        // 80 are well past that; events posted meanwhile arrive too
        var api = TestClients.web(httpPort);
        long start = lastSeq.get();
        for (int i = 0; i < 3; i++) {
            api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(TestReferrals.police())
                    .retrieve().toBodilessEntity().block(WAIT);
        }
        int seen = heartbeats.size();
        await().atMost(WAIT).until(() -> heartbeats.size() >= seen + 80 && events.size() >= 3);
        assertThat(events).extracting(BoardUpdate::seq).startsWith(start + 1, start + 2, start + 3);
        // on time all along: no gap near the dozens of heartbeats a stall would leave
        for (int i = 1; i < heartbeats.size(); i++) {
            assertThat(Duration.between(heartbeats.get(i - 1), heartbeats.get(i)))
                    .isLessThan(HEARTBEAT.multipliedBy(20));
        }
        // the stuck one still has its one item: no heartbeat queued up against it or cut it off
        assertThat(stuckReceived).hasSize(1);
        assertThat(stuckError.get()).isNull();
        assertThat(board.subscriberCount()).isEqualTo(before + 2);
    }
}
