package org.mashlive.wallboard;

import java.util.function.Function;

import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The wall-board's one way to ask the backend something over RSocket, shared by the board, capacity
 * and duty connections: JSON data, composite metadata with the route and the caller's credentials,
 * and a TCP connection of its own for each request, closed when the request ends.
 *
 * <p>A connection per request, not one shared: a shared {@code RSocketRequester.Builder} client that
 * once failed to connect keeps failing, and disposing one after a failed connect reports a dropped
 * error, so the connection's life is managed here. Each caller opens few (a board stream that runs
 * for hours, a capacity read a minute, a duty lead's click), so the handshake costs nothing that
 * matters. JSON, which the backend serves beside CBOR, keeps the traffic readable.
 */
final class BackendClient {

    private static final MimeType COMPOSITE_METADATA =
            MimeType.valueOf(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString());

    private final RSocketStrategies strategies;
    private final BackendProperties backend;

    /**
     * @param strategies the codecs (Boot's, with Jackson) for the requester of each connection
     * @param backend    where the backend is
     */
    BackendClient(RSocketStrategies strategies, BackendProperties backend) {
        this.strategies = strategies;
        this.backend = backend;
    }

    /**
     * A request-response or fire-and-forget on a connection of its own.
     *
     * @param credentials {@link BackendCredentials#MIME_TYPE} metadata; null to send none
     * @param request     what to send and how to read the answer, given the routed request
     */
    <T> Mono<T> mono(String route, byte[] credentials, Function<RSocketRequester.RequestSpec, Mono<T>> request) {
        return Mono.usingWhen(connect(), rsocket -> request.apply(routed(rsocket, route, credentials)),
                rsocket -> Mono.fromRunnable(rsocket::dispose));
    }

    /** A request-stream on a connection of its own, closed when the subscription ends. */
    <T> Flux<T> flux(String route, byte[] credentials, Function<RSocketRequester.RequestSpec, Flux<T>> request) {
        return Flux.usingWhen(connect(), rsocket -> request.apply(routed(rsocket, route, credentials)),
                rsocket -> Mono.fromRunnable(rsocket::dispose));
    }

    private Mono<RSocket> connect() {
        return RSocketConnector.create()
                .dataMimeType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .metadataMimeType(COMPOSITE_METADATA.toString())
                .connect(TcpClientTransport.create(backend.host(), backend.rsocketPort()));
    }

    private RSocketRequester.RequestSpec routed(RSocket rsocket, String route, byte[] credentials) {
        var spec = RSocketRequester.wrap(rsocket, MimeTypeUtils.APPLICATION_JSON, COMPOSITE_METADATA, strategies)
                .route(route);
        return credentials == null ? spec : spec.metadata(credentials, BackendCredentials.MIME_TYPE);
    }
}
