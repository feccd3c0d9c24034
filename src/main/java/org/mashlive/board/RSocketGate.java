package org.mashlive.board;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rsocket.DuplexConnection;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketServer;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.ServerTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The door of the RSocket server, the same for TCP and for WebSocket: it counts connections, total
 * and per remote address, and refuses one over either cap with a REJECTED_SETUP error saying so; it
 * closes a connection that has not signed in by {@link RSocketLimits#signInDeadline()}; and it
 * serves each admitted connection through a {@link WatchedConnection}, which bounds fragmented
 * requests and rejects a SETUP asking for too long a keep-alive.
 *
 * <p>Each connection gets an {@link RSocketServer} of its own, built with Boot's customizers (the
 * security interceptor among them), so that its SETUP acceptor knows the connection it serves.
 * Building one is cheap: it only collects settings.
 *
 * <p>Meters: {@code mash_rsocket_connections} (open now) and {@code mash_rsocket_refused_total}
 * by {@code reason}: {@code connections} and {@code address} (a cap), {@code sign-in} (the
 * deadline), {@code payload} (too large a request), {@code keep-alive} (too long a keep-alive) and
 * {@code frame} (too large a frame, TCP).
 */
@Component
class RSocketGate {

    private static final Logger log = LoggerFactory.getLogger(RSocketGate.class);
    /** The longest a refused connection is kept waiting for the SETUP its refusal answers. */
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(1);
    /** Open files the process needs besides RSocket connections: HTTP, the database, jars, logs. */
    static final int OTHER_FILES = 1024;
    private static final List<String> REASONS = List.of("connections", "address", "sign-in", "payload", "keep-alive",
            "frame");

    private final RSocketLimits limits;
    private final List<RSocketServerCustomizer> customizers;
    private final PayloadDecoder decoder;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<String, Counter> refusals;

    RSocketGate(RSocketLimits limits, RSocketMessageHandler handler, ObjectProvider<RSocketServerCustomizer> customizers,
                MeterRegistry registry) {
        this.limits = limits;
        this.customizers = customizers.orderedStream().toList();
        // zero-copy frames only when the handler decodes into Netty buffers, as Boot's own server does
        this.decoder = handler.getRSocketStrategies().dataBufferFactory() instanceof NettyDataBufferFactory
                ? PayloadDecoder.ZERO_COPY
                : PayloadDecoder.DEFAULT;
        warnIfTooFewFiles(limits.maxConnections());
        Gauge.builder("mash.rsocket.connections", open, AtomicInteger::get)
                .description("RSocket connections open now, over TCP and WebSocket")
                .register(registry);
        this.refusals = REASONS.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(reason -> reason,
                reason -> Counter.builder("mash.rsocket.refused").tag("reason", reason)
                        .description("RSocket connections refused or closed by a limit")
                        .register(registry)));
    }

    /**
     * Each connection is an open file: with a process limit below the cap, connections past the
     * limit would fail at accept, unanswered, instead of being refused with a reason.
     */
    private static void warnIfTooFewFiles(int maxConnections) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long files = unix.getMaxFileDescriptorCount();
            if (files < (long) maxConnections + OTHER_FILES) {
                log.warn("mash.rsocket.max-connections is {} but this process may open only {} files (ulimit -n): "
                        + "raise the limit to at least {}, or lower max-connections", maxConnections, files,
                        maxConnections + OTHER_FILES);
            }
        }
    }

    /** Serves {@code routes} on every connection a transport accepts, within the limits. */
    ServerTransport.ConnectionAcceptor acceptor(SocketAcceptor routes) {
        return connection -> accept(routes, connection);
    }

    /** Connections open now, over both transports. */
    int openConnections() {
        return open.get();
    }

    /** Counts a connection closed or refused for {@code reason}, one of the meter's reasons. */
    void refused(String reason) {
        refusals.get(reason).increment();
    }

    private Mono<Void> accept(SocketAcceptor routes, DuplexConnection source) {
        String address = address(source.remoteAddress());
        String refusal = admit(address);
        if (refusal != null) {
            log.debug("RSocket connection from {} refused: {}", address, refusal);
            refuse(source, new RejectedSetupException(refusal));
            return source.onClose();
        }
        var released = new AtomicBoolean();
        var connection = new WatchedConnection(source, limits, this::refused);
        Disposable deadline = Schedulers.parallel().schedule(connection::closeUnlessSignedIn,
                limits.signInDeadline().toMillis(), TimeUnit.MILLISECONDS);
        source.onClose()
                .doFinally(signal -> {
                    if (released.compareAndSet(false, true)) {
                        deadline.dispose();
                        release(address);
                    }
                })
                .onErrorComplete()
                .subscribe();
        var server = RSocketServer.create(connection.acceptor(routes)).payloadDecoder(decoder);
        customizers.forEach(customizer -> customizer.customize(server));
        return server.asConnectionAcceptor().apply(connection);
    }

    /**
     * Answers the client's first frame (its SETUP) with {@code error} and closes, or closes after
     * {@link #REFUSAL_WAIT} if none comes. Closing at once would leave the SETUP, arriving just
     * after, unread: the connection would then be reset, and the client might never read why.
     * What arrives meanwhile is read and dropped (the transport releases it).
     */
    private static void refuse(DuplexConnection source, RejectedSetupException error) {
        var answered = new AtomicBoolean();
        Runnable answer = () -> {
            if (answered.compareAndSet(false, true)) {
                source.sendErrorAndClose(error);
            }
        };
        Disposable wait = Schedulers.parallel().schedule(answer, REFUSAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        source.onClose().doFinally(signal -> wait.dispose()).onErrorComplete().subscribe();
        source.receive().subscribe(frame -> answer.run(), failure -> { });
    }

    /** Null when the connection may open; otherwise why not, for the client. */
    private String admit(String address) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            refused("connections");
            return "The server has " + limits.maxConnections() + " connections open, the most it takes; try again later";
        }
        var admitted = new AtomicBoolean();
        perAddress.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limits.maxConnectionsPerAddress()) {
                return count;
            }
            admitted.set(true);
            return now + 1;
        });
        if (!admitted.get()) {
            open.decrementAndGet();
            refused("address");
            return "Your address has " + limits.maxConnectionsPerAddress()
                    + " connections open, the most the server takes from one address; close one or try again later";
        }
        return null;
    }

    private void release(String address) {
        open.decrementAndGet();
        perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** The remote host, without the port: connections from one host count together. */
    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(remote);
    }
}
