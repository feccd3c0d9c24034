package org.mashlive.staff;

import java.math.BigDecimal;

import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;

/**
 * What a person is, as given to hire or change them.
 *
 * @param displayName initial and surname, 1 to 80 characters
 * @param role        what they do
 * @param team        their team, 1 to 80 characters
 * @param contract    their contract
 * @param fte         the fraction of a post they fill, more than 0 and at most 1; null for the
 *                    contract's default; only 1 (or null) for a full-time contract
 */
public record StaffDetails(String displayName, StaffRole role, String team, Contract contract, BigDecimal fte) {
}
