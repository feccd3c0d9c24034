package org.mashlive.board;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Encodes a board update as the RSocket responder would, with the same encoders (JSON, CBOR), but
 * into bytes that can be kept and sent to many subscribers.
 */
@Component
class UpdateEncoder {

    private static final ResolvableType TYPE = ResolvableType.forClass(BoardUpdate.class);
    private static final MimeType JSON = MimeTypeUtils.APPLICATION_JSON;
    private static final MimeType CBOR = new MimeType("application", "cbor");

    private final RSocketStrategies strategies;
    private final MeterRegistry meters;
    private final Map<MimeType, Counter> made = new ConcurrentHashMap<>();

    UpdateEncoder(RSocketStrategies strategies, MeterRegistry meters) {
        this.strategies = strategies;
        this.meters = meters;
    }

    /**
     * The data type updates are sent in to a connection that set up with {@code declared}:
     * {@code application/json} (in UTF-8, or with no charset, which for JSON is UTF-8) or
     * {@code application/cbor}, whatever other parameters it gives; empty for any other type. The
     * parameters change nothing in the bytes, so connections that differ only in them share one
     * encoding of each update. Were each type as declared a key of its own (JSON's encoder also
     * writes any {@code +json} type, and other charsets), a client could make the backend encode
     * every update, and keep the bytes, once for each connection it opens.
     */
    Optional<MimeType> sentAs(MimeType declared) {
        var charset = declared.getCharset();
        boolean utf8 = charset == null || StandardCharsets.UTF_8.equals(charset);
        MimeType as = JSON.equalsTypeAndSubtype(declared) && utf8 ? JSON
                : CBOR.equalsTypeAndSubtype(declared) ? CBOR : null;
        return Optional.ofNullable(as).filter(this::canEncode);
    }

    private boolean canEncode(MimeType mime) {
        return strategies.encoders().stream().anyMatch(encoder -> encoder.canEncode(TYPE, mime));
    }

    byte[] encode(BoardUpdate update, MimeType mime) {
        Encoder<BoardUpdate> encoder = strategies.encoder(TYPE, mime);
        made.computeIfAbsent(mime, type -> Counter.builder("mash.board.encodings")
                .description("Board updates encoded for board.stream subscribers: one per update and data type, "
                        + "however many subscribers it is sent to")
                .tag("type", type.toString())
                .register(meters)).increment();
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
