package org.mashlive.allocation;

import java.time.format.DateTimeFormatter;

import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardState;

/** Another duty lead moved the case first; nothing was changed. Answered with 409 naming who has it. */
public class AllocationConflictException extends RuntimeException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(BoardState.LONDON);

    private final AllocationCard current;

    public AllocationConflictException(AllocationCard current, String movedBy) {
        super(current.reference() + " was moved to " + current.staffName() + " by " + movedBy + " at "
                + TIME.format(current.allocatedAt()) + " (version " + current.version()
                + "); nothing was changed. Look again before moving it.");
        this.current = current;
    }

    public AllocationCard current() {
        return current;
    }
}
