package org.mashlive.referral.api;

import java.time.Instant;

/**
 * Record the decision on an open referral. An outcome that needs management oversight
 * (configured; by default every outcome but no further action) leaves the referral awaiting sign-off
 * by another duty lead or administrator; any other closes it.
 *
 * @param reference       its reference or numeric id
 * @param outcome         one of {@link org.mashlive.board.api.Outcome}'s names
 * @param rationale       why, in the decision maker's words (required, at most 4000 characters); it may
 *                        name people, so it stays with the referral and never goes to a board
 * @param threshold       the threshold level applied, one of the hub's configured levels
 * @param nextStep        one of {@link NextStep}'s names: the team that receives it
 * @param receivingTeam   the receiving team by name, where the next step needs one (optional)
 * @param referrerToldAt  when the referrer was told (optional; not in the future); with {@code referrerToldHow}
 * @param referrerToldHow one of {@link FeedbackWay}'s names; with {@code referrerToldAt}
 */
public record DecisionRequest(String reference, String outcome, String rationale, String threshold, String nextStep,
                              String receivingTeam, Instant referrerToldAt, String referrerToldHow) {

    /** A request with the outcome only; refused for want of a rationale, a threshold and a next step. */
    public DecisionRequest(String reference, String outcome) {
        this(reference, outcome, null, null, null, null, null, null);
    }
}
