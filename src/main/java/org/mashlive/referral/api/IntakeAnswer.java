package org.mashlive.referral.api;

import java.time.Instant;
import java.util.List;

import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/**
 * The answer to a contact entered on the intake screen: one entry per child in the order entered,
 * with its new reference and the child's earlier contacts and referrals. The earlier ones are
 * identifying history (they say this child was referred before, when and with what outcome), so
 * the backend records in the audit trail that the caller was shown each of them.
 */
public record IntakeAnswer(List<Taken> children) {

    /**
     * One child of the contact.
     *
     * @param reference its referral's reference
     * @param initials  the child's initials
     * @param created   false when this contact was entered before and nothing new was made
     * @param earlier   the child's earlier referrals, newest first (at most {@link #MOST_EARLIER})
     */
    public record Taken(String reference, String initials, boolean created, List<Earlier> earlier) {
    }

    /** How many earlier referrals of one child are shown. */
    public static final int MOST_EARLIER = 20;

    /**
     * An earlier referral of the same child, found by its pseudonymous key or, for a child not
     * fully known then or now, by the match of family name, first name and birth window.
     *
     * @param exact     whether the child key is the same (a fully known child both times); false
     *                  for a likely match that a person should judge
     */
    public record Earlier(String reference, Instant receivedAt, Source source, Stage stage, Outcome outcome,
                          Instant decidedAt, boolean exact) {
    }
}
