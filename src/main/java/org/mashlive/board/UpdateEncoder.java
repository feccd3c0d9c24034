package org.mashlive.board;

import java.util.Map;

import org.mashlive.board.api.BoardUpdate;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;

/**
 * Encodes a board update as the RSocket responder would, with the same encoders (JSON, CBOR), but
 * into bytes that can be kept and sent to many subscribers.
 */
@Component
class UpdateEncoder {

    private static final ResolvableType TYPE = ResolvableType.forClass(BoardUpdate.class);

    private final RSocketStrategies strategies;

    UpdateEncoder(RSocketStrategies strategies) {
        this.strategies = strategies;
    }

    /** Whether updates can be sent in {@code mime}. */
    boolean canEncode(MimeType mime) {
        return strategies.encoders().stream().anyMatch(encoder -> encoder.canEncode(TYPE, mime));
    }

    byte[] encode(BoardUpdate update, MimeType mime) {
        Encoder<BoardUpdate> encoder = strategies.encoder(TYPE, mime);
        // on the heap, not in a pooled buffer: the bytes are kept as long as a subscriber may send them
        var buffer = encoder.encodeValue(update, DefaultDataBufferFactory.sharedInstance, TYPE, mime, Map.of());
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
