package org.mashlive.referral;

/** A screening action on a referral that is already decided, or needs no decision; answered with 409. */
public class ReferralClosedException extends RuntimeException {

    public ReferralClosedException(String reference, String action) {
        super(reference + " is already decided, so " + action + " is no longer possible");
    }

    /** Closed as {@code stage} says: decided, or taken in for information only. */
    public ReferralClosedException(String reference, org.mashlive.board.api.Stage stage, String action) {
        super(stage == org.mashlive.board.api.Stage.INFORMATION_ONLY
                ? reference + " was taken in for information only and needs no decision, so " + action
                        + " is not possible"
                : reference + " is already decided, so " + action + " is no longer possible");
    }
}
