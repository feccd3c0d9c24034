package org.mashlive.allocation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.mashlive.board.api.AllocationCard;

/** Another duty lead moved the case first; nothing was changed. Answered with 409 naming who has it. */
public class AllocationConflictException extends RuntimeException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AllocationCard current;

    /** @param zone the hub's zone, in which the time of the move is told */
    public AllocationConflictException(AllocationCard current, String movedBy, ZoneId zone) {
        super(current.reference() + " was moved to " + current.staffName() + " by " + movedBy + " at "
                + TIME.format(current.allocatedAt().atZone(zone)) + " (version " + current.version()
                + "); nothing was changed. Look again before moving it.");
        this.current = current;
    }

    public AllocationCard current() {
        return current;
    }
}
