package org.mashlive.board.api;

import java.time.Instant;

/**
 * One shift of the 24-hour rota: a person is on it from {@code start} (inclusive) to {@code end}
 * (exclusive). Instants are UTC; boards show them in Europe/London. A shift may cross midnight.
 *
 * @param id      the shift's id
 * @param staffId whose shift it is
 * @param start   when it starts
 * @param end     when it ends, after {@code start}
 */
public record ShiftCard(long id, long staffId, Instant start, Instant end) {

    /** Whether the shift covers {@code t}. */
    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
