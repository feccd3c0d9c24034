package org.mashlive.board;

import java.util.Arrays;
import java.util.function.BiFunction;

import org.mashlive.board.api.BoardUpdate;
import org.springframework.util.MimeType;

/**
 * A board update on its way to subscribers, with its bytes kept once encoded: every subscriber
 * that sends the same update in the same data type sends the same bytes, encoded by whichever got
 * there first. A round's events are wrapped once when the round is sent ({@link FanOut}) and the
 * snapshot once per change, so each is encoded once per data type, however many subscribers there
 * are.
 *
 * <p>The bytes are a plain array, never changed once stored, and every send wraps them afresh:
 * there is no reference count to share, so a subscriber that is cut off or goes away with this
 * update still queued leaks nothing.
 */
final class SharedUpdate {

    private static final Object[] NONE = new Object[0];

    final BoardUpdate update;
    /**
     * The places it takes in a subscriber's buffer: the events it carries, or one for anything
     * else. Worked out once, not at every subscriber's offer.
     */
    final int weight;
    /** Data type and bytes, in pairs; replaced whole, so a reader needs no lock. */
    private volatile Object[] encodings = NONE;

    SharedUpdate(BoardUpdate update) {
        this.update = update;
        this.weight = update.kind() == BoardUpdate.Kind.EVENTS ? update.events().size() : 1;
    }

    /** The update's bytes in {@code mime}, encoded by {@code encoder} the first time they are asked for. */
    byte[] encoded(MimeType mime, BiFunction<BoardUpdate, MimeType, byte[]> encoder) {
        byte[] known = find(encodings, mime);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            var now = encodings;
            known = find(now, mime);
            if (known == null) {
                known = encoder.apply(update, mime);
                var more = Arrays.copyOf(now, now.length + 2);
                more[now.length] = mime;
                more[now.length + 1] = known;
                encodings = more;
            }
            return known;
        }
    }

    private static byte[] find(Object[] encodings, MimeType mime) {
        for (int i = 0; i < encodings.length; i += 2) {
            if (encodings[i].equals(mime)) {
                return (byte[]) encodings[i + 1];
            }
        }
        return null;
    }
}
