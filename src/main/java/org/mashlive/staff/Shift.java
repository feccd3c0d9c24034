package org.mashlive.staff;

import java.time.Instant;

import org.mashlive.board.api.ShiftCard;

/**
 * One shift of the rota, from {@code start} (inclusive) to {@code end} (exclusive), in UTC.
 *
 * @param id      its id
 * @param staffId whose it is
 * @param start   when it starts
 * @param end     when it ends
 */
public record Shift(long id, long staffId, Instant start, Instant end) {

    public ShiftCard card() {
        return new ShiftCard(id, staffId, start, end);
    }
}
