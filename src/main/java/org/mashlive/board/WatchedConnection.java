package org.mashlive.board;

import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.DuplexConnection;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.RSocketErrorException;
import io.rsocket.SocketAcceptor;
import io.rsocket.exceptions.ConnectionErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.frame.FrameHeaderCodec;
import io.rsocket.util.RSocketProxy;
import org.mashlive.board.api.Access;
import org.reactivestreams.Publisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One accepted RSocket connection as the server sees it before anything else does: it bounds what
 * unfinished fragmented requests may hold, and it knows whether the connection has signed in, so
 * that {@link RSocketGate} can close one that has not by the deadline.
 *
 * <p><b>Signed in</b> means: the SETUP frame carried credentials that the security interceptor
 * accepted, or a request on the connection got past the security interceptor. Every route needs a
 * signed-in caller, so a request that reaches a route proves the connection's credentials or its
 * own. Both are seen from inside the interceptor: the acceptor made here is called only once SETUP
 * passed it (with the caller in the Reactor context), and the routes it returns are reached only by
 * authorised requests.
 */
final class WatchedConnection implements DuplexConnection {

    private final DuplexConnection source;
    private final RSocketLimits limits;
    private final Consumer<String> refused;
    /** Bytes of each request that is still arriving in fragments, by stream; read on the connection's event loop. */
    private final Map<Integer, Integer> unfinished = new HashMap<>();
    private long held;
    private volatile boolean signedIn;
    private volatile boolean closing;

    /**
     * @param refused told the reason ({@code payload}, {@code sign-in}, {@code keep-alive}) of each
     *                connection this closes or rejects, for the meters
     */
    WatchedConnection(DuplexConnection source, RSocketLimits limits, Consumer<String> refused) {
        this.source = source;
        this.limits = limits;
        this.refused = refused;
    }

    boolean signedIn() {
        return signedIn;
    }

    /** Closes the connection with an error frame saying why, unless it has signed in meanwhile. */
    void closeUnlessSignedIn() {
        if (!signedIn && !source.isDisposed()) {
            refused.accept("sign-in");
            close(new ConnectionErrorException("Not signed in within " + limits.signInDeadline().toSeconds()
                    + " s of connecting: send " + Access.AUTHENTICATION_MIME_TYPE
                    + " metadata with SETUP or with a request"));
        }
    }

    /**
     * The acceptor for this connection's SETUP, around the routes' own: checks the keep-alive the
     * client asks for, notes a signed-in SETUP, and notes each request that reaches a route.
     */
    SocketAcceptor acceptor(SocketAcceptor routes) {
        return (setup, requester) -> {
            String keepAlive = keepAliveRefusal(setup);
            if (keepAlive != null) {
                refused.accept("keep-alive");
                return Mono.error(new RejectedSetupException(keepAlive));
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(WatchedConnection::isPerson)
                    .doOnNext(caller -> signedIn = true)
                    .then(Mono.defer(() -> routes.accept(setup, requester)))
                    .map(Served::new);
        };
    }

    private static boolean isPerson(Authentication caller) {
        return caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
    }

    private String keepAliveRefusal(ConnectionSetupPayload setup) {
        long interval = limits.maxKeepAliveInterval().toMillis();
        long lifetime = limits.maxKeepAliveLifetime().toMillis();
        if (setup.keepAliveInterval() > interval) {
            return "Keep-alive interval of " + setup.keepAliveInterval() + " ms asked for; this server allows at most "
                    + interval + " ms";
        }
        if (setup.keepAliveMaxLifetime() > lifetime) {
            return "Keep-alive max lifetime of " + setup.keepAliveMaxLifetime()
                    + " ms asked for; this server allows at most " + lifetime + " ms";
        }
        return null;
    }

    @Override
    public Flux<ByteBuf> receive() {
        // frames that are dropped here are released by the transport, as every frame is once read
        return source.receive().filter(this::admit);
    }

    /**
     * Whether a frame may go on to be read: false once the connection is closing, and for the frame
     * that takes what unfinished fragmented requests hold over the payload limit, which closes the
     * connection. RSocket's own reassembly would refuse only the one request and keep reading, and
     * a client can keep many requests unfinished at once.
     */
    private boolean admit(ByteBuf frame) {
        if (closing) {
            return false;
        }
        int stream = FrameHeaderCodec.streamId(frame);
        if (stream == 0) {
            return true;
        }
        switch (FrameHeaderCodec.frameType(frame)) {
            case CANCEL, ERROR -> {
                forget(stream);
                return true;
            }
            case REQUEST_RESPONSE, REQUEST_FNF, REQUEST_STREAM, REQUEST_CHANNEL, PAYLOAD, NEXT, NEXT_COMPLETE,
                 COMPLETE -> {
            }
            default -> {
                return true;
            }
        }
        boolean follows = FrameHeaderCodec.hasFollows(frame);
        if (!follows && !unfinished.containsKey(stream)) {
            return true;
        }
        int size = frame.readableBytes();
        if (held + size > limits.payloadBytes()) {
            refused.accept("payload");
            close(new ConnectionErrorException("A request went over " + limits.payloadBytes()
                    + " bytes with its fragments; the connection is closed"));
            return false;
        }
        if (follows) {
            unfinished.merge(stream, size, Integer::sum);
            held += size;
        } else {
            forget(stream);
        }
        return true;
    }

    private void forget(int stream) {
        Integer bytes = unfinished.remove(stream);
        if (bytes != null) {
            held -= bytes;
        }
    }

    private void close(RSocketErrorException why) {
        closing = true;
        source.sendErrorAndClose(why);
    }

    @Override
    public void sendFrame(int streamId, ByteBuf frame) {
        source.sendFrame(streamId, frame);
    }

    @Override
    public void sendErrorAndClose(RSocketErrorException errorException) {
        source.sendErrorAndClose(errorException);
    }

    @Override
    public ByteBufAllocator alloc() {
        return source.alloc();
    }

    @Override
    public SocketAddress remoteAddress() {
        return source.remoteAddress();
    }

    @Override
    public Mono<Void> onClose() {
        return source.onClose();
    }

    @Override
    public void dispose() {
        source.dispose();
    }

    @Override
    public boolean isDisposed() {
        return source.isDisposed();
    }

    /** The routes, reached only by requests the security interceptor let through: each one signs the connection in. */
    private final class Served extends RSocketProxy {

        Served(RSocket routes) {
            super(routes);
        }

        @Override
        public Mono<Void> fireAndForget(Payload payload) {
            signedIn = true;
            return super.fireAndForget(payload);
        }

        @Override
        public Mono<Payload> requestResponse(Payload payload) {
            signedIn = true;
            return super.requestResponse(payload);
        }

        @Override
        public Flux<Payload> requestStream(Payload payload) {
            signedIn = true;
            return super.requestStream(payload);
        }

        @Override
        public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
            signedIn = true;
            return super.requestChannel(payloads);
        }

        @Override
        public Mono<Void> metadataPush(Payload payload) {
            signedIn = true;
            return super.metadataPush(payload);
        }
    }
}
