package org.mashlive.referral;

/** The police checks on a referral were already recorded as done; answered with 409. */
public class PoliceCheckDoneException extends RuntimeException {

    public PoliceCheckDoneException(String reference) {
        super("The police checks on " + reference + " are already recorded as done");
    }
}
