package org.mashlive.referral;

/** No referral has the id or reference asked for; answered with 404. */
public class ReferralNotFoundException extends RuntimeException {

    public ReferralNotFoundException(String idOrReference) {
        super("No referral " + idOrReference);
    }
}
