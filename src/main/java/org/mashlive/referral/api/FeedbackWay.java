package org.mashlive.referral.api;

/** How the referrer was told of the decision (the statutory expectation is that they are told). */
public enum FeedbackWay {
    PHONE("Phone"),
    EMAIL("Email"),
    LETTER("Letter"),
    PORTAL("Portal"),
    IN_PERSON("In person");

    private final String label;

    FeedbackWay(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
