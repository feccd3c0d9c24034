package org.mashlive.board;

import java.net.InetSocketAddress;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.rsocket.exceptions.ConnectionErrorException;
import io.rsocket.frame.ErrorFrameCodec;
import io.rsocket.frame.FrameLengthCodec;
import io.rsocket.transport.netty.server.TcpServerTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.rsocket.autoconfigure.RSocketProperties;
import org.springframework.boot.rsocket.netty.NettyRSocketServer;
import org.springframework.boot.rsocket.server.RSocketServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.tcp.TcpServer;

/**
 * The RSocket TCP server, in place of Boot's own: Boot's reads frames of up to 16 MB and serves
 * every connection the same way. This one reads frames only up to
 * {@link RSocketLimits#maxFrameSize()} and hands each connection to the {@link RSocketGate}. It
 * listens where {@code spring.rsocket.server.port} and {@code address} say, on the event loops of
 * the HTTP server. Boot's {@code spring.rsocket.server.ssl} and {@code fragment-size} are not
 * applied: TLS, where wanted, ends at a proxy in front, and answers go out unfragmented.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.rsocket.server.port")
class RSocketTcpServer {

    @Bean
    RSocketServerFactory rsocketServerFactory(RSocketProperties properties, RSocketGate gate, RSocketLimits limits,
                                              ObjectProvider<ReactorResourceFactory> resources) {
        var settings = properties.getServer();
        int port = settings.getPort() == null ? 9898 : settings.getPort();
        return routes -> {
            TcpServer tcp = TcpServer.create()
                    .bindAddress(() -> settings.getAddress() == null ? new InetSocketAddress(port)
                            : new InetSocketAddress(settings.getAddress(), port))
                    .doOnConnection(connection -> connection.addHandlerLast(new FrameSizeLimit(limits, gate)));
            var shared = resources.getIfAvailable();
            if (shared != null) {
                tcp = tcp.runOn(shared.getLoopResources());
            }
            // the transport's own frame length bounds what the server sends unfragmented; what it
            // reads is bounded before, by FrameSizeLimit
            return new NettyRSocketServer(TcpServerTransport.create(tcp).start(gate.acceptor(routes)), null);
        };
    }

    /**
     * Cuts the byte stream into frames as RSocket's own length codec does after it, but closes the
     * connection at the first frame longer than the limit, with a connection error saying so,
     * before any of it is buffered.
     */
    static final class FrameSizeLimit extends LengthFieldBasedFrameDecoder {

        private final int limit;
        private final RSocketGate gate;

        FrameSizeLimit(RSocketLimits limits, RSocketGate gate) {
            // each frame is preceded by its length in 3 bytes; the frame passes on with them
            super(limits.frameBytes() + FrameLengthCodec.FRAME_LENGTH_SIZE, 0, FrameLengthCodec.FRAME_LENGTH_SIZE, 0,
                    0, true);
            this.limit = limits.frameBytes();
            this.gate = gate;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) throws Exception {
            if (!(cause instanceof TooLongFrameException)) {
                super.exceptionCaught(context, cause);
                return;
            }
            gate.refused("frame");
            var error = ErrorFrameCodec.encode(context.alloc(), 0, new ConnectionErrorException(
                    "A frame went over " + limit + " bytes; the connection is closed"));
            ByteBuf framed = FrameLengthCodec.encode(context.alloc(), error.readableBytes(), error);
            context.writeAndFlush(framed).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
