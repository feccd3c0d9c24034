package org.mashlive.wallboard.quality;

import java.util.Locale;

import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Source;
import org.mashlive.referral.api.NextStep;

/** The words the quality views use for the backend's names. */
final class QaText {

    private QaText() {
    }

    /** {@code PARTLY_MET} → "Partly met", {@code REQUIRES_IMPROVEMENT} → "Requires improvement". */
    static String words(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String outcome(String name) {
        try {
            return Outcome.valueOf(name).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return words(name);
        }
    }

    static String source(String name) {
        try {
            return Source.valueOf(name).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return words(name);
        }
    }

    static String nextStep(String name) {
        try {
            return NextStep.valueOf(name).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return words(name);
        }
    }
}
