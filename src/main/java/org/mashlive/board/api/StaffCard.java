package org.mashlive.board.api;

import java.time.Instant;

/**
 * A member of staff as the board shows them. Staff may be named on the board ("J. Patel").
 *
 * @param id          the person's id
 * @param displayName how the board names them, initial and surname
 * @param role        what they do
 * @param team        their team
 * @param contract    their contract
 * @param active      false once their employment has ended (the board then drops them)
 * @param breakSince  when they went on the break they are on, or null when not on one; a break
 *                    counts only during the shift it began in, so one left set expires with it
 */
public record StaffCard(
        long id,
        String displayName,
        StaffRole role,
        String team,
        Contract contract,
        boolean active,
        Instant breakSince) {
}
