package org.mashlive.board;

import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The board's RSocket routes; see {@link BoardRoutes} for what each emits. */
@Controller
class BoardRSocketController {

    private final LiveBoard board;

    BoardRSocketController(LiveBoard board) {
        this.board = board;
    }

    @MessageMapping(BoardRoutes.SNAPSHOT)
    Mono<BoardSnapshot> snapshot() {
        return board.snapshot();
    }

    @MessageMapping(BoardRoutes.STREAM)
    Flux<BoardUpdate> stream(@Payload(required = false) BoardStreamRequest request) {
        Long lastSeq = request == null ? null : request.lastSeq();
        if (lastSeq != null && lastSeq < 0) {
            return Flux.error(new IllegalArgumentException(
                    "lastSeq must be 0 or more (the last sequence applied), or absent for a fresh snapshot; it was "
                            + lastSeq));
        }
        return board.stream(lastSeq);
    }

    @MessageExceptionHandler(IllegalArgumentException.class)
    Mono<Void> badRequest(IllegalArgumentException e) {
        return Mono.error(new io.rsocket.exceptions.InvalidException(e.getMessage()));
    }
}
