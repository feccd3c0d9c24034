package org.mashlive.allocation;

import java.util.List;

/** The allocation needs an explicit confirmation of its warnings; nothing was changed. Answered with 409. */
public class ConfirmationRequiredException extends RuntimeException {

    private final List<String> warnings;

    public ConfirmationRequiredException(List<String> warnings) {
        super("Confirm to go ahead: " + String.join("; ", warnings));
        this.warnings = List.copyOf(warnings);
    }

    public List<String> warnings() {
        return warnings;
    }
}
