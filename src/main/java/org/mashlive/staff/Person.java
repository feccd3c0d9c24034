package org.mashlive.staff;

import java.math.BigDecimal;
import java.time.Instant;

import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.StaffRole;

/**
 * A member of the hub's staff.
 *
 * @param id          their id
 * @param displayName initial and surname, as boards show them
 * @param role        what they do
 * @param team        their team
 * @param contract    their contract
 * @param fte         the fraction of a post stored for them, or null for their contract's default
 * @param active      false once their employment has ended
 * @param leftAt      when it ended, or null
 * @param breakSince  when they went on the break they are on, or null
 */
public record Person(long id, String displayName, StaffRole role, String team, Contract contract, BigDecimal fte,
                     boolean active, Instant leftAt, Instant breakSince) {

    /** As the board shows them. */
    public StaffCard card() {
        return new StaffCard(id, displayName, role, team, contract, active, breakSince);
    }
}
