package org.mashlive.quality;

/** No sample for a week, or a referral in no sample, or no such escalation (404). */
class QualityNotFoundException extends RuntimeException {

    private final String title;

    QualityNotFoundException(String title, String message) {
        super(message, null, false, false);
        this.title = title;
    }

    String title() {
        return title;
    }
}
