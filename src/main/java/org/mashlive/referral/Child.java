package org.mashlive.referral;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * The child a contact is about, as the referrer gives it. Stored, but never sent to the board:
 * only {@link #initials()} and a pseudonymous key leave the referral module for it.
 *
 * <p>Real contacts are not always complete: the first name may not be known (left out), and
 * instead of a date of birth there may be only an estimated age, or the child may not be born
 * yet and have an expected date of delivery. Exactly one of {@code dateOfBirth},
 * {@code estimatedAge} and {@code expectedDeliveryDate} is given; the family name always is.
 *
 * @param firstName            the first name, or null when not known
 * @param lastName             the family name (for an unborn child, the family's)
 * @param dateOfBirth          the date of birth, when known
 * @param estimatedAge         the age in years as the referrer estimates it, when the date of birth is not known
 * @param expectedDeliveryDate for an unborn child, when it is expected
 */
public record Child(
        @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @PastOrPresent LocalDate dateOfBirth,
        @Min(0) @Max(17) Integer estimatedAge,
        LocalDate expectedDeliveryDate) {

    /** A child whose name and date of birth are known. */
    public Child(String firstName, String lastName, LocalDate dateOfBirth) {
        this(firstName, lastName, dateOfBirth, null, null);
    }

    /** Whether the child is not born yet (a pre-birth referral). */
    public boolean unborn() {
        return expectedDeliveryDate != null;
    }

    /** Whether everything the exact child key needs is known: first name, family name, date of birth. */
    public boolean fullyKnown() {
        return firstName != null && dateOfBirth != null;
    }

    /** For example {@code A.S.} for Alex Smith, {@code ?.S.} when the first name is not known. */
    public String initials() {
        return initial(firstName) + "." + initial(lastName) + ".";
    }

    private static String initial(String name) {
        String trimmed = name == null ? "" : name.strip();
        return trimmed.isEmpty() ? "?" : trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)).toUpperCase();
    }
}
