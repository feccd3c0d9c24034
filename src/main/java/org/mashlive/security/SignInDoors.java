package org.mashlive.security;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import io.rsocket.DuplexConnection;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.util.RSocketProxy;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;
import org.springframework.util.MimeType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Tells {@link ThrottledSignIns} which door an attempt came through and from which address, in the
 * Reactor context: for HTTP a web filter; for RSocket a wrapper around Spring Security's acceptor that
 * does it for the SETUP and for every request on the connection, over TCP and WebSocket alike.
 */
final class SignInDoors {

    private static final Logger log = LoggerFactory.getLogger(SignInDoors.class);

    private SignInDoors() {
    }

    /** The HTTP door: the address the request came from (as forwarded, when forwarded headers are on). */
    static WebFilter rest() {
        return (ServerWebExchange exchange, WebFilterChain chain) -> chain.filter(exchange)
                .contextWrite(ThrottledSignIns.at("rest", host(exchange.getRequest().getRemoteAddress())));
    }

    /** The RSocket door around {@code security}, the interceptor that signs connections and requests in. */
    static PayloadSocketAcceptorInterceptor rsocket(PayloadSocketAcceptorInterceptor security) {
        return new RSocketDoor(security);
    }

    private static String host(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return address == null ? null : address.toString();
    }

    private static final class RSocketDoor extends PayloadSocketAcceptorInterceptor {

        private final PayloadSocketAcceptorInterceptor security;

        RSocketDoor(PayloadSocketAcceptorInterceptor security) {
            super(List.of());
            this.security = security;
        }

        @Override
        public SocketAcceptor apply(SocketAcceptor acceptor) {
            SocketAcceptor secured = security.apply(acceptor);
            return (setup, sendingSocket) -> {
                Context door = ThrottledSignIns.at("rsocket", host(RemoteAddress.of(sendingSocket)));
                return secured.accept(setup, sendingSocket)
                        .map(responder -> (RSocket) new AtTheDoor(responder, door))
                        .contextWrite(door);
            };
        }

        @Override
        public void setDefaultDataMimeType(MimeType type) {
            security.setDefaultDataMimeType(type);
        }

        @Override
        public void setDefaultMetadataMimeType(MimeType type) {
            security.setDefaultMetadataMimeType(type);
        }
    }

    /** Every request on one connection, with its door in the context, so per-request sign-in sees it. */
    private static final class AtTheDoor extends RSocketProxy {

        private final Context door;

        AtTheDoor(RSocket source, Context door) {
            super(source);
            this.door = door;
        }

        @Override
        public Mono<Void> fireAndForget(Payload payload) {
            return super.fireAndForget(payload).contextWrite(door);
        }

        @Override
        public Mono<Payload> requestResponse(Payload payload) {
            return super.requestResponse(payload).contextWrite(door);
        }

        @Override
        public Flux<Payload> requestStream(Payload payload) {
            return super.requestStream(payload).contextWrite(door);
        }

        @Override
        public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
            return super.requestChannel(payloads).contextWrite(door);
        }

        @Override
        public Mono<Void> metadataPush(Payload payload) {
            return super.metadataPush(payload).contextWrite(door);
        }
    }

    /**
     * The remote address of the connection a server-side acceptor is handed. RSocket's API gives the
     * acceptor the requester of the connection but not its address; the requester's class keeps the
     * connection behind a public method of a package-private class, reached here by reflection. When
     * that fails (another RSocket version), RSocket sign-in is throttled per account only, which is
     * logged once.
     */
    static final class RemoteAddress {

        private static final Method CONNECTION = connectionMethod();

        private RemoteAddress() {
        }

        static SocketAddress of(RSocket requester) {
            if (CONNECTION == null || !CONNECTION.getDeclaringClass().isInstance(requester)) {
                return null;
            }
            try {
                return ((DuplexConnection) CONNECTION.invoke(requester)).remoteAddress();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static Method connectionMethod() {
            try {
                Method method = Class.forName("io.rsocket.core.RequesterResponderSupport")
                        .getDeclaredMethod("getDuplexConnection");
                method.setAccessible(true);
                return method;
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn("RSocket connections' addresses cannot be read ({}): sign-in throttling over RSocket "
                        + "counts per account only", e.toString());
                return null;
            }
        }
    }
}
