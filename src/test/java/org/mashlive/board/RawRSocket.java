package org.mashlive.board;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.frame.ErrorFrameCodec;
import io.rsocket.frame.FrameHeaderCodec;
import io.rsocket.frame.FrameType;
import io.rsocket.frame.KeepAliveFrameCodec;
import io.rsocket.frame.SetupFrameCodec;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.util.DefaultPayload;

/**
 * An RSocket client over plain TCP that writes frames by hand, as a hostile or careless client
 * would, and reads the server's frames back one by one with a deadline. Blocking, one per thread.
 */
final class RawRSocket implements AutoCloseable {

    static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;

    /** What the server did with a round trip. */
    enum Outcome { ANSWERED, CLOSED }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String error;
    private int errorCode;

    /** Connects from {@code local} (a loopback address) to the server, reads time out after {@code readTimeout}. */
    RawRSocket(InetAddress local, int port, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) readTimeout.toMillis());
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    RawRSocket(int port, Duration readTimeout) throws IOException {
        this(InetAddress.getLoopbackAddress(), port, readTimeout);
    }

    /** Composite metadata: a route, and a bearer token when given. */
    static ByteBuf metadata(String route, String bearer) {
        CompositeByteBuf metadata = ALLOCATOR.compositeBuffer();
        if (route != null) {
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, ALLOCATOR, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                    TaggingMetadataCodec.createRoutingMetadata(ALLOCATOR, List.of(route)).getContent());
        }
        if (bearer != null) {
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, ALLOCATOR,
                    WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
                    AuthMetadataCodec.encodeBearerMetadata(ALLOCATOR, bearer.toCharArray()));
        }
        return metadata;
    }

    /** SETUP with JSON data and composite metadata, signed in with {@code bearer} when given. */
    void setup(String bearer, Duration keepAlive, Duration lifetime) throws IOException {
        var payload = DefaultPayload.create(Unpooled.EMPTY_BUFFER,
                bearer == null ? Unpooled.EMPTY_BUFFER : metadata(null, bearer));
        send(SetupFrameCodec.encode(ALLOCATOR, false, (int) keepAlive.toMillis(), (int) lifetime.toMillis(),
                WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString(), "application/json", payload));
    }

    void setup(String bearer) throws IOException {
        setup(bearer, Duration.ofSeconds(20), Duration.ofSeconds(90));
    }

    /** Writes one frame with its 3-byte length, and releases it. */
    void send(ByteBuf frame) throws IOException {
        try {
            int length = frame.readableBytes();
            out.write(new byte[] {(byte) (length >> 16), (byte) (length >> 8), (byte) length});
            out.write(ByteBufUtil.getBytes(frame));
            out.flush();
        } finally {
            frame.release();
        }
    }

    /** Writes raw bytes, whatever they claim to be. */
    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends a KEEPALIVE that asks for an answer and reads until it comes: every frame sent before
     * has then been read by the server, in order. CLOSED when the server closed the connection
     * instead (its ERROR frame, if any, is kept: {@link #error()}).
     */
    Outcome roundTrip() throws IOException {
        try {
            send(KeepAliveFrameCodec.encode(ALLOCATOR, true, 0, Unpooled.EMPTY_BUFFER));
        } catch (SocketException closed) {
            return Outcome.CLOSED;
        }
        while (true) {
            ByteBuf frame = read();
            if (frame == null) {
                return Outcome.CLOSED;
            }
            if (FrameHeaderCodec.frameType(frame) == FrameType.KEEPALIVE && !KeepAliveFrameCodec.respondFlag(frame)) {
                return Outcome.ANSWERED;
            }
        }
    }

    /** Reads until the server closes the connection; false if it is still open after the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (read() != null) {
                // an ERROR frame is kept by read()
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    /** The next frame, or null at the end of the stream; an ERROR frame on stream 0 is noted. */
    private ByteBuf read() throws IOException {
        byte[] length = new byte[3];
        try {
            in.readFully(length);
            byte[] frame = new byte[((length[0] & 0xFF) << 16) | ((length[1] & 0xFF) << 8) | (length[2] & 0xFF)];
            in.readFully(frame);
            ByteBuf buffer = Unpooled.wrappedBuffer(frame);
            if (FrameHeaderCodec.frameType(buffer) == FrameType.ERROR && FrameHeaderCodec.streamId(buffer) == 0) {
                error = ErrorFrameCodec.dataUtf8(buffer);
                errorCode = ErrorFrameCodec.errorCode(buffer);
            }
            return buffer;
        } catch (EOFException end) {
            return null;
        } catch (SocketException reset) {
            // a reset is how a server that stops reading ends a connection with unread bytes
            if (reset.getMessage() != null && reset.getMessage().contains("reset")) {
                return null;
            }
            throw reset;
        }
    }

    /** The message of the last connection-level ERROR frame the server sent, or null. */
    String error() {
        return error;
    }

    /** Its error code (e.g. 0x003 REJECTED_SETUP, 0x101 CONNECTION_ERROR). */
    int errorCode() {
        return errorCode;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
