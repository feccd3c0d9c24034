package org.mashlive.wallboard;

import java.util.List;

/** The backend did not do what a duty lead asked; the message says why, in words for the person. */
public final class DutyException extends RuntimeException {

    /** Why. */
    public enum Kind {
        /** Someone else moved the case first; the message names who has it now. */
        CONFLICT,
        /** The allocation needs its warnings confirmed; {@link #warnings()} lists them. */
        CONFIRMATION_REQUIRED,
        /** The referral no longer allows it: already decided, or its checks already recorded. */
        CLOSED,
        /** The request broke a rule, or the caller may not do it; the message names what. */
        REFUSED,
        /** The backend did not answer. */
        UNREACHABLE
    }

    private final Kind kind;

    public DutyException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The warnings to confirm, one a line of the message, for {@link Kind#CONFIRMATION_REQUIRED}. */
    public List<String> warnings() {
        return kind == Kind.CONFIRMATION_REQUIRED ? List.of(getMessage().split("\n")) : List.of();
    }
}
