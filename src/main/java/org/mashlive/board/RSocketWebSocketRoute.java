package org.mashlive.board;

import io.rsocket.transport.netty.server.WebsocketRouteTransport;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Serves the same RSocket routes over WebSocket at {@code /rsocket} on the backend's HTTP port,
 * beside the TCP server, for browsers and other clients that cannot open TCP. The route is handled
 * by Netty before WebFlux sees a request, and every connection goes through the same
 * {@link RSocketGate} as over TCP: the same caps, sign-in deadline, keep-alive bound and request
 * size, and the same security interceptor. A WebSocket frame over
 * {@link RSocketLimits#maxFrameSize()} closes the connection (status 1009, message too big).
 */
@Configuration(proxyBeanMethods = false)
class RSocketWebSocketRoute {

    static final String PATH = "/rsocket";

    @Bean
    NettyRouteProvider rsocketWebSocketRoute(RSocketMessageHandler handler, RSocketGate gate, RSocketLimits limits) {
        var acceptor = gate.acceptor(handler.responder());
        var spec = WebsocketServerSpec.builder().maxFramePayloadLength(limits.frameBytes()).build();
        return (HttpServerRoutes routes) -> routes.ws(PATH, WebsocketRouteTransport.newHandler(acceptor), spec);
    }
}
