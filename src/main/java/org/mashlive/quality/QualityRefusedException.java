package org.mashlive.quality;

/** A step the rules of quality assurance refuse (409); {@link #title()} names the rule. */
class QualityRefusedException extends RuntimeException {

    private final String title;

    QualityRefusedException(String title, String message) {
        super(message, null, false, false);
        this.title = title;
    }

    String title() {
        return title;
    }
}
