package org.mashlive.referral;

/** A request that is well-formed JSON but breaks a rule of the domain; answered with 400 naming the field. */
public class InvalidReferralException extends RuntimeException {

    private final String field;

    public InvalidReferralException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
