package org.mashlive.board;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.BiFunction;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.util.MimeType;

/**
 * A board update on its way to subscribers, with its bytes kept once encoded: every subscriber
 * that sends the same update in the same data type sends the same bytes, encoded by whichever got
 * there first. A round's events are wrapped once when the round is sent ({@link FanOut}) and the
 * snapshot once per change, so each is encoded once per data type, however many subscribers there
 * are.
 *
 * <p>The bytes are never changed once stored, and every send wraps them afresh: there is no
 * reference count to share, so a subscriber that is cut off or goes away with this update still
 * queued leaks nothing, and the memory goes when the last send that holds it does.
 *
 * <p>An update sent by many ({@link #forMany}: a round, the snapshot) keeps its bytes outside the
 * heap, read-only. A send is then a frame header and these very bytes, which the transport writes
 * to the socket as they are; bytes on the heap would be copied out of it once per connection, and
 * at thousands of subscribers that copy was a third of what the event loops did in Java. An update
 * for one subscriber (its heartbeat, its replay) stays on the heap, where it is cheaper to make.
 */
final class SharedUpdate {

    private static final Object[] NONE = new Object[0];

    final BoardUpdate update;
    /**
     * The places it takes in a subscriber's buffer: the events it carries, or one for anything
     * else. Worked out once, not at every subscriber's offer.
     */
    final int weight;
    /** Whether its bytes are kept outside the heap, for many sends. */
    private final boolean forMany;
    /**
     * Data type and bytes ({@code byte[]}, or a read-only direct {@link ByteBuffer} when for many),
     * in pairs; replaced whole, so a reader needs no lock.
     */
    private volatile Object[] encodings = NONE;

    /** An update for one subscriber. */
    SharedUpdate(BoardUpdate update) {
        this(update, false);
    }

    private SharedUpdate(BoardUpdate update, boolean forMany) {
        this.update = update;
        this.weight = update.kind() == BoardUpdate.Kind.EVENTS ? update.events().size() : 1;
        this.forMany = forMany;
    }

    /** An update that every subscriber, or every new one for a while, will send. */
    static SharedUpdate forMany(BoardUpdate update) {
        return new SharedUpdate(update, true);
    }

    /**
     * The update's bytes in {@code mime}, encoded by {@code encoder} the first time they are asked
     * for, in a buffer of this send's own: releasing it frees nothing another send still reads.
     */
    ByteBuf send(MimeType mime, BiFunction<BoardUpdate, MimeType, byte[]> encoder) {
        var bytes = bytes(mime, encoder);
        return bytes instanceof ByteBuffer outside ? Unpooled.wrappedBuffer(outside)
                : Unpooled.wrappedBuffer((byte[]) bytes);
    }

    private Object bytes(MimeType mime, BiFunction<BoardUpdate, MimeType, byte[]> encoder) {
        var known = find(encodings, mime);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            var now = encodings;
            known = find(now, mime);
            if (known == null) {
                byte[] encoded = encoder.apply(update, mime);
                known = forMany ? ByteBuffer.allocateDirect(encoded.length).put(encoded).flip().asReadOnlyBuffer()
                        : encoded;
                var more = Arrays.copyOf(now, now.length + 2);
                more[now.length] = mime;
                more[now.length + 1] = known;
                encodings = more;
            }
            return known;
        }
    }

    private static Object find(Object[] encodings, MimeType mime) {
        for (int i = 0; i < encodings.length; i += 2) {
            if (encodings[i].equals(mime)) {
                return encodings[i + 1];
            }
        }
        return null;
    }
}
