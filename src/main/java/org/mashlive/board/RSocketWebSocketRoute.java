package org.mashlive.board;

import io.rsocket.core.RSocketServer;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.netty.server.WebsocketRouteTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Serves the same RSocket routes over WebSocket at {@code /rsocket} on the backend's HTTP port,
 * beside the TCP server that Boot starts, for browsers and other clients that cannot open TCP. The
 * route is handled by Netty before WebFlux sees a request, so it gets the TCP server's
 * {@link RSocketServerCustomizer}s, the security interceptor among them, and checks credentials the
 * same way.
 */
@Configuration(proxyBeanMethods = false)
class RSocketWebSocketRoute {

    static final String PATH = "/rsocket";

    @Bean
    NettyRouteProvider rsocketWebSocketRoute(RSocketMessageHandler handler,
                                             ObjectProvider<RSocketServerCustomizer> customizers) {
        // Zero-copy frames only when the handler decodes into Netty buffers, as Boot's TCP server does.
        var decoder = handler.getRSocketStrategies().dataBufferFactory() instanceof NettyDataBufferFactory
                ? PayloadDecoder.ZERO_COPY
                : PayloadDecoder.DEFAULT;
        var server = RSocketServer.create(handler.responder()).payloadDecoder(decoder);
        customizers.orderedStream().forEach(customizer -> customizer.customize(server));
        var acceptor = server.asConnectionAcceptor();
        return (HttpServerRoutes routes) -> routes.ws(PATH, WebsocketRouteTransport.newHandler(acceptor));
    }
}
