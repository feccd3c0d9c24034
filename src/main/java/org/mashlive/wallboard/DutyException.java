package org.mashlive.wallboard;

import java.util.List;

/** The backend did not do what a duty lead asked; the message says why, in words for the person. */
final class DutyException extends RuntimeException {

    /** Why. */
    enum Kind {
        /** Someone else moved the case first; the message names who has it now. */
        CONFLICT,
        /** The allocation needs its warnings confirmed; {@link #warnings()} lists them. */
        CONFIRMATION_REQUIRED,
        /** The request broke a rule, or the caller may not do it; the message names what. */
        REFUSED,
        /** The backend did not answer. */
        UNREACHABLE
    }

    private final Kind kind;

    DutyException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The warnings to confirm, one a line of the message, for {@link Kind#CONFIRMATION_REQUIRED}. */
    List<String> warnings() {
        return kind == Kind.CONFIRMATION_REQUIRED ? List.of(getMessage().split("\n")) : List.of();
    }
}
