package org.mashlive.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.frame.KeepAliveFrameCodec;
import io.rsocket.frame.RequestStreamFrameCodec;
import io.rsocket.frame.SetupFrameCodec;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.util.DefaultPayload;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardRoutes;

/**
 * Many {@code board.stream} subscribers that only drain: each signs in with the board token and
 * asks for the stream in raw RSocket frames on its own TCP connection, and one thread then reads
 * every connection and throws the bytes away, counting the payload frames and noting the last
 * sequence they reached. The backend does for each exactly what it does for any subscriber
 * (encodes, queues, writes every update); the load generator, sharing the machine's cores with
 * it, spends a read per batch of bytes instead of a whole RSocket client per connection, so that
 * what is measured at 10,000 is the backend. The
 * latency is measured by a smaller set of full clients ({@link Watcher}) among them.
 */
final class Drains implements AutoCloseable {

    private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;
    /** The RSocket PAYLOAD frame's type: every update of the stream arrives as one. */
    private static final int PAYLOAD = 0x0A;
    private static final int ERROR = 0x0B;
    /** Within what the backend allows a client to ask for (mash.rsocket.max-keep-alive-*). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    private static final Duration LIFETIME = Duration.ofSeconds(120);

    /** One connection's place in the frames it is reading. */
    private static final class Drain {
        private static final byte[] SEQ = "\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final SocketChannel channel;
        final byte[] head = new byte[9]; // 3 bytes of length, 4 of stream id, 2 of type and flags
        int position;
        int frameLength;
        boolean payload;
        boolean seqRead;
        /** How much of {@code "seq":} the bytes just read match; past its length, digits of the number. */
        int matched;
        long number;
        volatile long payloads;
        /** The highest sequence of the updates read so far (an update's is its last event's). */
        volatile long seq = -1;
        volatile boolean failed;

        Drain(SocketChannel channel) {
            this.channel = channel;
        }

        /** Reads through what arrived, frame by frame: counts the payloads, notes their sequence and any error. */
        void consume(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                if (position < head.length) {
                    head[position++] = bytes.get();
                    if (position == 3) {
                        frameLength = ((head[0] & 0xFF) << 16) | ((head[1] & 0xFF) << 8) | (head[2] & 0xFF);
                    }
                    if (position == head.length) {
                        int type = (head[7] & 0xFF) >> 2;
                        payload = type == PAYLOAD;
                        matched = 0;
                        seqRead = false;
                        if (payload) {
                            payloads++;
                        } else if (type == ERROR) {
                            failed = true;
                        }
                    }
                } else if (payload && !seqRead) {
                    // the update's JSON starts {"kind":…,"seq":N: its own sequence (the last of its
                    // events), read from the first few bytes, the rest skipped unread
                    byte b = bytes.get();
                    position++;
                    if (matched < SEQ.length) {
                        matched = b == SEQ[matched] ? matched + 1 : b == SEQ[0] ? 1 : 0;
                        number = 0;
                    } else if (b >= '0' && b <= '9') {
                        number = number * 10 + (b - '0');
                    } else {
                        if (number > seq) {
                            seq = number;
                        }
                        seqRead = true;
                    }
                } else {
                    int skip = Math.min(bytes.remaining(), 3 + frameLength - position);
                    bytes.position(bytes.position() + skip);
                    position += skip;
                }
                if (position >= head.length && position == 3 + frameLength) {
                    position = 0;
                }
            }
        }
    }

    private final int port;
    private final Selector selector;
    private final List<Drain> drains = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Drain> joining = new ConcurrentLinkedQueue<>();
    private final AtomicLong closed = new AtomicLong();
    private final Thread loop;
    private volatile boolean running = true;

    Drains(int port) throws IOException {
        this.port = port;
        this.selector = Selector.open();
        this.loop = Thread.ofPlatform().name("bench-drains").daemon().start(this::run);
    }

    /** Opens {@code count} more draining subscribers. */
    void open(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            var channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.socket().setTcpNoDelay(true);
            write(channel, setup());
            write(channel, requestStream());
            channel.configureBlocking(false);
            var drain = new Drain(channel);
            joining.add(drain);
        }
        selector.wakeup();
    }

    /** How many drains there are. */
    int size() {
        return drains.size() + joining.size();
    }

    /** The fewest payload frames any drain has read so far (the snapshot is one). */
    long fewestPayloads() {
        if (!joining.isEmpty()) {
            return 0;
        }
        return drains.stream().mapToLong(d -> d.payloads).min().orElse(Long.MAX_VALUE);
    }

    /** The payload frames each drain has read so far, in the order they were opened. */
    long[] payloads() {
        return drains.stream().mapToLong(d -> d.payloads).toArray();
    }

    /** The highest sequence each drain has read so far, in the order they were opened. */
    long[] seqs() {
        return drains.stream().mapToLong(d -> d.seq).toArray();
    }

    /** Drains closed by the backend or sent an error: cut off, or refused. */
    long failed() {
        return closed.get() + drains.stream().filter(d -> d.failed).count();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        long nextKeepAlive = System.nanoTime() + KEEP_ALIVE.toNanos() / 2;
        while (running) {
            try {
                Drain added;
                while ((added = joining.poll()) != null) {
                    added.channel.register(selector, SelectionKey.OP_READ, added);
                    drains.add(added);
                }
                selector.select(1000);
                var ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    var key = ready.next();
                    ready.remove();
                    var drain = (Drain) key.attachment();
                    buffer.clear();
                    int read;
                    try {
                        read = drain.channel.read(buffer);
                    } catch (IOException reset) {
                        read = -1;
                    }
                    if (read < 0) {
                        key.cancel();
                        drain.channel.close();
                        drain.failed = true;
                        closed.incrementAndGet();
                        continue;
                    }
                    buffer.flip();
                    drain.consume(buffer);
                }
                // the backend ends a connection that says nothing for its lifetime: a keep-alive half-way
                if (System.nanoTime() > nextKeepAlive) {
                    for (var drain : drains) {
                        if (drain.channel.isOpen()) {
                            write(drain.channel, KeepAliveFrameCodec.encode(ALLOCATOR, true, 0, Unpooled.EMPTY_BUFFER));
                        }
                    }
                    nextKeepAlive = System.nanoTime() + KEEP_ALIVE.toNanos() / 2;
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static ByteBuf setup() {
        CompositeByteBuf metadata = ALLOCATOR.compositeBuffer();
        CompositeMetadataCodec.encodeAndAddMetadata(metadata, ALLOCATOR,
                WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
                AuthMetadataCodec.encodeBearerMetadata(ALLOCATOR, Access.DEMO_BOARD_TOKEN.toCharArray()));
        var payload = DefaultPayload.create(Unpooled.EMPTY_BUFFER, metadata);
        return SetupFrameCodec.encode(ALLOCATOR, false, (int) KEEP_ALIVE.toMillis(), (int) LIFETIME.toMillis(),
                WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString(), "application/json", payload);
    }

    private static ByteBuf requestStream() {
        CompositeByteBuf metadata = ALLOCATOR.compositeBuffer();
        CompositeMetadataCodec.encodeAndAddMetadata(metadata, ALLOCATOR, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                TaggingMetadataCodec.createRoutingMetadata(ALLOCATOR, List.of(BoardRoutes.STREAM)).getContent());
        return RequestStreamFrameCodec.encode(ALLOCATOR, 1, false, Integer.MAX_VALUE, metadata,
                Unpooled.wrappedBuffer("{}".getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes one frame with its 3-byte length, whole, and releases it. */
    private static void write(SocketChannel channel, ByteBuf frame) throws IOException {
        try {
            int length = frame.readableBytes();
            ByteBuffer out = ByteBuffer.allocate(3 + length);
            out.put((byte) (length >> 16)).put((byte) (length >> 8)).put((byte) length);
            frame.readBytes(out);
            out.flip();
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    Thread.onSpinWait();
                }
            }
        } finally {
            frame.release();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
            for (var drain : drains) {
                drain.channel.close();
            }
            for (var drain : joining) {
                drain.channel.close();
            }
            selector.close();
        } catch (IOException | InterruptedException e) {
            // closing anyway
        }
    }
}
