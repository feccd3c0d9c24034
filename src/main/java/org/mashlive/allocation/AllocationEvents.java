package org.mashlive.allocation;

import org.mashlive.board.BoardOutbox;
import org.mashlive.board.api.AllocationCard;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts allocation changes on the board stream, in the transaction of the change. */
@Component
class AllocationEvents {

    private final BoardOutbox outbox;

    AllocationEvents(BoardOutbox outbox) {
        this.outbox = outbox;
    }

    Mono<Void> allocated(AllocationCard card) {
        return outbox.appendAllocation(card).then();
    }
}
