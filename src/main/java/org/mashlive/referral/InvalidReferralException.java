package org.mashlive.referral;

import org.mashlive.platform.InvalidInputException;

/** A request that is well-formed JSON but breaks a rule of the domain; answered with 400 naming the field. */
public class InvalidReferralException extends InvalidInputException {

    public InvalidReferralException(String field, String message) {
        super(field, message);
    }
}
