package org.mashlive.wallboard;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

import io.rsocket.DuplexConnection;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A real RSocket server serving {@link BoardRoutes#STREAM} on localhost: it records each request and
 * sends whatever the test hands it to the latest subscriber.
 */
final class TestBoardServer implements AutoCloseable {

    static final RSocketStrategies STRATEGIES = RSocketStrategies.builder()
            .encoders(encoders -> encoders.add(new JacksonJsonEncoder()))
            .decoders(decoders -> decoders.add(new JacksonJsonDecoder()))
            .build();

    final BlockingQueue<BoardStreamRequest> requests = new LinkedBlockingQueue<>();
    private final Set<DuplexConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile Sinks.Many<BoardUpdate> current;
    private final CloseableChannel channel;

    private TestBoardServer(int port) {
        var handler = new RSocketMessageHandler();
        handler.setRSocketStrategies(STRATEGIES);
        handler.setHandlers(List.of(new StreamController()));
        handler.afterPropertiesSet();
        channel = RSocketServer.create(handler.responder())
                .interceptors(registry -> registry.forConnection((type, connection) -> {
                    connections.add(connection);
                    return connection;
                }))
                .bind(TcpServerTransport.create("127.0.0.1", port))
                .block(Duration.ofSeconds(5));
    }

    /** Starts on a free port. */
    static TestBoardServer start() {
        return new TestBoardServer(0);
    }

    /** Starts on {@code port}, as a restarted backend would. */
    static TestBoardServer startOn(int port) {
        return new TestBoardServer(port);
    }

    int port() {
        return channel.address().getPort();
    }

    /** Sends to the stream opened last. */
    void send(BoardUpdate update) {
        var sink = current;
        if (sink == null) {
            throw new IllegalStateException("no stream is open");
        }
        sink.emitNext(update, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** Drops every connection and stops listening, as a backend that goes away. */
    @Override
    public void close() {
        connections.forEach(DuplexConnection::dispose);
        channel.dispose();
        channel.onClose().block(Duration.ofSeconds(5));
    }

    private final class StreamController {

        @MessageMapping(BoardRoutes.STREAM)
        Flux<BoardUpdate> stream(BoardStreamRequest request) {
            Sinks.Many<BoardUpdate> sink = Sinks.many().unicast().onBackpressureBuffer();
            current = sink;
            requests.add(request);
            return sink.asFlux();
        }
    }
}
