package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mashlive.board.RawRSocket.ALLOCATOR;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import io.netty.buffer.Unpooled;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.PayloadFrameCodec;
import io.rsocket.frame.RequestResponseFrameCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.ClientTransport;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The RSocket server's limits before sign-in, attacked over real TCP and WebSocket connections: a
 * request sent in endless fragments, a frame too large, connections that never sign in, more
 * connections than the caps, and a keep-alive asked for too long. Each is refused with an error
 * saying why and its connection closed, and signed-in clients are untouched.
 */
@ShortLimitsBackendTest
class RSocketLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration DEADLINE = ShortLimitsBackendTest.SIGN_IN_DEADLINE;
    private static final int MAX_FRAME = 64 * 1024;
    private static final int MAX_PAYLOAD = 256 * 1024;

    enum Transport { TCP, WEBSOCKET }

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    RSocketGate gate;

    private final List<RSocket> opened = new ArrayList<>();

    @BeforeEach
    void noConnectionsLeftOver() {
        // the caps count every connection: start from none, whatever ran before
        await().atMost(WAIT).until(() -> gate.openConnections() == 0);
    }

    @AfterEach
    void close() {
        opened.forEach(RSocket::dispose);
    }

    private RSocket connect(Transport transport, String bearerAtSetup, UnaryOperator<RSocketConnector> settings) {
        ClientTransport client = transport == Transport.TCP
                ? TcpClientTransport.create("localhost", rsocketPort)
                : WebsocketClientTransport.create(URI.create("ws://localhost:" + httpPort + "/rsocket"));
        var connector = RSocketConnector.create()
                .dataMimeType("application/json")
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString());
        if (bearerAtSetup != null) {
            connector.setupPayload(DefaultPayload.create(Unpooled.EMPTY_BUFFER, RawRSocket.metadata(null, bearerAtSetup)));
        }
        RSocket socket = settings.apply(connector).connect(client).block(WAIT);
        opened.add(socket);
        return socket;
    }

    private static String snapshot(RSocket socket, String bearer) {
        return socket.requestResponse(DefaultPayload.create(Unpooled.EMPTY_BUFFER,
                RawRSocket.metadata(BoardRoutes.SNAPSHOT, bearer))).map(payload -> {
                    try {
                        return payload.getDataUtf8();
                    } finally {
                        payload.release();
                    }
                }).block(WAIT);
    }

    @Test
    void aRequestSentInEndlessFragmentsClosesTheConnectionOnceItPassesThePayloadLimit() throws IOException {
        int fragment = 16 * 1024;
        byte[] chunk = new byte[fragment];
        int sent = 0;
        try (var client = new RawRSocket(rsocketPort, WAIT)) {
            client.setup(null);
            assertThat(client.roundTrip()).isEqualTo(RawRSocket.Outcome.ANSWERED);
            var outcome = RawRSocket.Outcome.ANSWERED;
            // 300 fragments would be 4.8 MB; each round trip proves the server read the fragment
            // before it, so the count is what the server took in
            while (outcome == RawRSocket.Outcome.ANSWERED && sent < 300) {
                try {
                    client.send(sent == 0
                            ? RequestResponseFrameCodec.encode(ALLOCATOR, 1, true,
                                    RawRSocket.metadata(BoardRoutes.SNAPSHOT, null), Unpooled.wrappedBuffer(chunk))
                            : PayloadFrameCodec.encode(ALLOCATOR, 1, true, false, true, null,
                                    Unpooled.wrappedBuffer(chunk)));
                    sent++;
                    outcome = client.roundTrip();
                } catch (SocketException closed) {
                    outcome = RawRSocket.Outcome.CLOSED;
                }
            }
            assertThat(outcome).isEqualTo(RawRSocket.Outcome.CLOSED);
            assertThat(client.error()).isEqualTo(
                    "A request went over " + MAX_PAYLOAD + " bytes with its fragments; the connection is closed");
        }
        // the server read no more than the limit and the fragment that went over it
        assertThat((long) sent * fragment).isLessThanOrEqualTo(MAX_PAYLOAD + fragment);
    }

    @Test
    void aFrameOverTheFrameLimitClosesTheConnectionWithoutReadingIt() throws IOException {
        try (var client = new RawRSocket(rsocketPort, WAIT)) {
            client.setup(null);
            assertThat(client.roundTrip()).isEqualTo(RawRSocket.Outcome.ANSWERED);
            // a frame that says it is 1 MB long, and its first kilobyte: the server does not wait for the rest
            byte[] start = new byte[3 + 1024];
            start[0] = 0x10;
            client.sendBytes(start);
            assertThat(client.closedByServer()).isTrue();
            assertThat(client.error()).isEqualTo("A frame went over " + MAX_FRAME + " bytes; the connection is closed");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRequestInOneFrameOverTheFrameLimitClosesTheConnection(Transport transport) {
        var whole = connect(transport, Access.DEMO_BOARD_TOKEN, connector -> connector);
        String large = "{\"lastSeq\":null" + " ".repeat(MAX_FRAME) + "}";
        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> whole.requestResponse(DefaultPayload.create(
                Unpooled.copiedBuffer(large, StandardCharsets.UTF_8),
                RawRSocket.metadata(BoardRoutes.SNAPSHOT, null))).block(WAIT));
        assertThat(refused).isNotNull();
        if (transport == Transport.TCP) {
            assertThat(refused).hasMessage("A frame went over " + MAX_FRAME + " bytes; the connection is closed");
        }
        // over WebSocket, Netty closes the connection with status 1009 (message too big)
        await().atMost(WAIT).until(whole::isDisposed);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRequestInFragmentsWithinTheLimitIsServedAndOneOverItClosesTheConnection(Transport transport) {
        // a client that fragments at 1 KB, as RSocket libraries do for large requests
        var fragmenting = connect(transport, null, connector -> connector.fragment(1024));
        String padded = "{\"lastSeq\":null" + " ".repeat(100 * 1024) + "}";
        String first = fragmenting.requestStream(DefaultPayload.create(Unpooled.copiedBuffer(padded, StandardCharsets.UTF_8),
                RawRSocket.metadata(BoardRoutes.STREAM, Access.DEMO_BOARD_TOKEN))).map(payload -> {
                    try {
                        return payload.getDataUtf8();
                    } finally {
                        payload.release();
                    }
                }).blockFirst(WAIT);
        assertThat(first).contains("\"kind\":\"SNAPSHOT\"");

        String tooLarge = "{\"lastSeq\":null" + " ".repeat(MAX_PAYLOAD) + "}";
        assertThatThrownBy(() -> fragmenting.requestResponse(DefaultPayload.create(
                        Unpooled.copiedBuffer(tooLarge, StandardCharsets.UTF_8),
                        RawRSocket.metadata(BoardRoutes.SNAPSHOT, Access.DEMO_BOARD_TOKEN))).block(WAIT))
                .hasMessage("A request went over " + MAX_PAYLOAD + " bytes with its fragments; the connection is closed");
        await().atMost(WAIT).until(fragmenting::isDisposed);
    }

    private record Closed(Duration after, String error) {
    }

    @Test
    void aThousandConnectionsThatNeverSignInAreClosedByTheDeadline() throws Exception {
        var closes = new ArrayList<Future<Closed>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                boolean sendsSetup = i % 2 == 0;
                closes.add(threads.submit(() -> {
                    Instant start = Instant.now();
                    try (var client = new RawRSocket(rsocketPort, DEADLINE.plus(WAIT))) {
                        // half send SETUP without credentials, half nothing at all
                        if (sendsSetup) {
                            client.setup(null);
                        }
                        assertThat(client.closedByServer()).isTrue();
                        return new Closed(Duration.between(start, Instant.now()), client.error());
                    }
                }));
            }
            for (var close : closes) {
                var closed = close.get();
                assertThat(closed.error()).isEqualTo("Not signed in within 2 s of connecting: send "
                        + Access.AUTHENTICATION_MIME_TYPE + " metadata with SETUP or with a request");
                // not before the deadline (a cap would have closed it at once), and not long after
                assertThat(closed.after()).isBetween(DEADLINE, DEADLINE.plus(WAIT));
            }
        }
        await().atMost(WAIT).until(() -> gate.openConnections() == 0);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aConnectionSignedInAtSetupOrByAServedRequestStaysOpenPastTheDeadline(Transport transport) {
        var atSetup = connect(transport, Access.DEMO_BOARD_TOKEN, connector -> connector);
        var byRequest = connect(transport, null, connector -> connector);
        assertThat(snapshot(byRequest, Access.DEMO_BOARD_TOKEN)).contains("\"timescales\"");
        Instant start = Instant.now();
        var refusedOnly = connect(transport, null, connector -> connector);
        assertThatThrownBy(() -> snapshot(refusedOnly, null)).hasMessageContaining("requires signing in");

        await().atMost(DEADLINE.plus(WAIT)).until(refusedOnly::isDisposed);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(DEADLINE);
        assertThatThrownBy(() -> snapshot(refusedOnly, Access.DEMO_BOARD_TOKEN)).hasMessage(
                "Not signed in within 2 s of connecting: send " + Access.AUTHENTICATION_MIME_TYPE
                        + " metadata with SETUP or with a request");
        // the signed-in ones, open longer than it, are still open and serve
        await().during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> !atSetup.isDisposed() && !byRequest.isDisposed());
        assertThat(snapshot(atSetup, null)).contains("\"timescales\"");
        assertThat(snapshot(byRequest, Access.DEMO_BOARD_TOKEN)).contains("\"timescales\"");
    }

    @Test
    void theCapsRefuseTheNextConnectionCleanlyPerAddressAndInAll() throws IOException {
        var held = new ArrayList<RawRSocket>();
        InetAddress first = InetAddress.getByName("127.0.0.1");
        try {
            for (int i = 0; i < ShortLimitsBackendTest.PER_ADDRESS; i++) {
                var client = new RawRSocket(first, rsocketPort, WAIT);
                held.add(client);
                client.setup(Access.DEMO_BOARD_TOKEN);
            }
            await().atMost(WAIT).until(() -> gate.openConnections() == ShortLimitsBackendTest.PER_ADDRESS);

            try (var next = new RawRSocket(first, rsocketPort, WAIT)) {
                next.setup(Access.DEMO_BOARD_TOKEN);
                assertThat(next.closedByServer()).isTrue();
                assertThat(next.errorCode()).isEqualTo(0x003); // REJECTED_SETUP
                assertThat(next.error()).isEqualTo("Your address has " + ShortLimitsBackendTest.PER_ADDRESS
                        + " connections open, the most the server takes from one address; close one or try again later");
            }
            // another address still gets in, up to the total
            var other = new RawRSocket(InetAddress.getByName("127.0.0.2"), rsocketPort, WAIT);
            held.add(other);
            other.setup(Access.DEMO_BOARD_TOKEN);
            assertThat(other.roundTrip()).isEqualTo(RawRSocket.Outcome.ANSWERED);

            String full = "The server has " + ShortLimitsBackendTest.TOTAL
                    + " connections open, the most it takes; try again later";
            try (var third = new RawRSocket(InetAddress.getByName("127.0.0.3"), rsocketPort, WAIT)) {
                third.setup(Access.DEMO_BOARD_TOKEN);
                assertThat(third.closedByServer()).isTrue();
                assertThat(third.errorCode()).isEqualTo(0x003);
                assertThat(third.error()).isEqualTo(full);
            }
            // WebSocket connections count against the same caps
            var overWebSocket = connect(Transport.WEBSOCKET, Access.DEMO_BOARD_TOKEN, connector -> connector);
            assertThatThrownBy(() -> snapshot(overWebSocket, null))
                    .isInstanceOf(RejectedSetupException.class).hasMessage(full);
        } finally {
            for (var client : held) {
                client.close();
            }
        }
        // once they are gone, connections are admitted again
        await().atMost(WAIT).until(() -> gate.openConnections() == 0);
        try (var again = new RawRSocket(first, rsocketPort, WAIT)) {
            again.setup(Access.DEMO_BOARD_TOKEN);
            assertThat(again.roundTrip()).isEqualTo(RawRSocket.Outcome.ANSWERED);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSetupAskingForTooLongAKeepAliveIsRejected(Transport transport) {
        var longLife = connect(transport, Access.DEMO_BOARD_TOKEN,
                connector -> connector.keepAlive(Duration.ofSeconds(20), Duration.ofDays(1)));
        assertThatThrownBy(() -> snapshot(longLife, null)).isInstanceOf(RejectedSetupException.class)
                .hasMessage("Keep-alive max lifetime of 86400000 ms asked for; this server allows at most 300000 ms");

        var rareBeat = connect(transport, Access.DEMO_BOARD_TOKEN,
                connector -> connector.keepAlive(Duration.ofMinutes(10), Duration.ofMinutes(5)));
        assertThatThrownBy(() -> snapshot(rareBeat, null)).isInstanceOf(RejectedSetupException.class)
                .hasMessage("Keep-alive interval of 600000 ms asked for; this server allows at most 60000 ms");

        var withinBounds = connect(transport, Access.DEMO_BOARD_TOKEN,
                connector -> connector.keepAlive(Duration.ofSeconds(60), Duration.ofSeconds(300)));
        assertThat(snapshot(withinBounds, null)).contains("\"timescales\"");
    }
}
