package org.mashlive.referral;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * The child a contact is about, as the referrer gives it. Stored, but never sent to the board:
 * only {@link #initials()} and a pseudonymous key leave the referral module for it.
 */
public record Child(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull @PastOrPresent LocalDate dateOfBirth) {

    /** For example {@code A.S.} for Alex Smith. */
    public String initials() {
        return initial(firstName) + "." + initial(lastName) + ".";
    }

    private static String initial(String name) {
        String trimmed = name.strip();
        return trimmed.isEmpty() ? "?" : trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)).toUpperCase();
    }
}
