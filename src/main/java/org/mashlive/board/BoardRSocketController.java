package org.mashlive.board;

import io.rsocket.Payload;
import io.rsocket.exceptions.InvalidException;
import io.rsocket.util.ByteBufPayload;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The board's RSocket routes; see {@link BoardRoutes} for what each emits.
 *
 * <p>{@code board.stream} answers with payloads, not updates: each event and snapshot is encoded
 * once per data type ({@link SharedUpdate}) and every subscriber of that type sends the same bytes,
 * each wrapped afresh for its own send (see {@link RSocketResponder}). Wrapped bytes have no pooled
 * memory behind them: a payload dropped on the way, by a subscriber that went, leaks nothing.
 */
@Controller
class BoardRSocketController {

    private final LiveBoard board;
    private final UpdateEncoder encoder;

    BoardRSocketController(LiveBoard board, UpdateEncoder encoder) {
        this.board = board;
        this.encoder = encoder;
    }

    @MessageMapping(BoardRoutes.SNAPSHOT)
    Mono<BoardSnapshot> snapshot() {
        return board.snapshot();
    }

    @MessageMapping(BoardRoutes.STREAM)
    Flux<Payload> stream(@org.springframework.messaging.handler.annotation.Payload(required = false)
                         BoardStreamRequest request, RSocketRequester connection) {
        // refusals are thrown, not returned, so that the exception handler below answers them
        Long lastSeq = request == null ? null : request.lastSeq();
        if (lastSeq != null && lastSeq < 0) {
            throw new IllegalArgumentException(
                    "lastSeq must be 0 or more (the last sequence applied), or absent for a fresh snapshot; it was "
                            + lastSeq);
        }
        var declared = connection.dataMimeType();
        var mime = encoder.sentAs(declared).orElseThrow(() -> new IllegalArgumentException(
                "board.stream is sent as application/json (UTF-8) or application/cbor, not as " + declared
                        + ", the data type this connection set up with"));
        return board.stream(lastSeq)
                .map(update -> ByteBufPayload.create(update.send(mime, encoder::encode)));
    }

    @MessageExceptionHandler(IllegalArgumentException.class)
    Mono<Void> badRequest(IllegalArgumentException e) {
        return Mono.error(new InvalidException(e.getMessage()));
    }
}
