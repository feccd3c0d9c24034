package org.mashlive.referral;

/**
 * A sign-off, return or decision the rules of management oversight refuse; answered with 409 naming
 * the rule, and nothing changes.
 */
public class SignOffRefusedException extends RuntimeException {

    /** The rule broken, for clients to tell the cases apart. */
    public enum Rule {
        /** A decision is signed off (or returned) by a different duty lead or administrator than its maker. */
        NOT_YOUR_OWN("A decision is signed off by a different duty lead or administrator"),
        /** There is no decision waiting for sign-off on the referral. */
        NOTHING_WAITING("Only a decision awaiting sign-off can be signed off or returned"),
        /** A decision already waits for sign-off: it is signed off or returned before another is made. */
        ALREADY_WAITING("A decision awaiting sign-off is signed off or returned before another is made");

        private final String title;

        Rule(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Rule rule;
    private final long referralId;
    private final String reference;

    SignOffRefusedException(Rule rule, long referralId, String reference, String message) {
        super(message);
        this.rule = rule;
        this.referralId = referralId;
        this.reference = reference;
    }

    long referralId() {
        return referralId;
    }

    public Rule rule() {
        return rule;
    }

    public String reference() {
        return reference;
    }
}
