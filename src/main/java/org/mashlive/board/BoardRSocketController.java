package org.mashlive.board;

import io.rsocket.exceptions.InvalidException;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The board's RSocket routes; see {@link BoardRoutes} for what each emits.
 *
 * <p>{@code board.stream} hands the responder bytes, not updates: each event and snapshot is
 * encoded once per data type ({@link SharedUpdate}) and every subscriber of that type sends the
 * same bytes, each wrapped afresh for its own send.
 */
@Controller
class BoardRSocketController {

    private final LiveBoard board;
    private final UpdateEncoder encoder;
    private final RSocketStrategies strategies;

    BoardRSocketController(LiveBoard board, UpdateEncoder encoder, RSocketStrategies strategies) {
        this.board = board;
        this.encoder = encoder;
        this.strategies = strategies;
    }

    @MessageMapping(BoardRoutes.SNAPSHOT)
    Mono<BoardSnapshot> snapshot() {
        return board.snapshot();
    }

    @MessageMapping(BoardRoutes.STREAM)
    Flux<DataBuffer> stream(@Payload(required = false) BoardStreamRequest request, RSocketRequester connection) {
        Long lastSeq = request == null ? null : request.lastSeq();
        if (lastSeq != null && lastSeq < 0) {
            return Flux.error(new IllegalArgumentException(
                    "lastSeq must be 0 or more (the last sequence applied), or absent for a fresh snapshot; it was "
                            + lastSeq));
        }
        var mime = connection.dataMimeType();
        if (!encoder.canEncode(mime)) {
            return Flux.error(new IllegalArgumentException("board.stream is sent as application/json or application/cbor, "
                    + "not as " + mime + ", the data type this connection set up with"));
        }
        var buffers = strategies.dataBufferFactory();
        return board.stream(lastSeq).map(update -> buffers.wrap(update.encoded(mime, encoder::encode)));
    }

    @MessageExceptionHandler(IllegalArgumentException.class)
    Mono<Void> badRequest(IllegalArgumentException e) {
        return Mono.error(new InvalidException(e.getMessage()));
    }
}
