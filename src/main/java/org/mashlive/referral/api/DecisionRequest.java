package org.mashlive.referral.api;

/**
 * Record the decision on an open referral, which closes it.
 *
 * @param reference its reference or numeric id
 * @param outcome   one of {@link org.mashlive.board.api.Outcome}'s names
 */
public record DecisionRequest(String reference, String outcome) {
}
