package org.mashlive.referral;

/** A screening action on a referral that is already decided; answered with 409. */
public class ReferralClosedException extends RuntimeException {

    public ReferralClosedException(String reference, String action) {
        super(reference + " is already decided, so " + action + " is no longer possible");
    }
}
