package org.mashlive.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who made a contact, so the hub can ask them more and tell them what was decided. Kept with the
 * referral for duty screens only: never on the board, never in the referral list.
 *
 * @param name    the person
 * @param role    their role, for example "Health visitor", "PC", "Designated safeguarding lead"
 * @param agency  where they work, for example "Northgate Primary"
 * @param contact how to reach them: a telephone number or an email address
 */
public record Referrer(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String role,
        @Size(max = 200) String agency,
        @Size(max = 200) String contact) {

    /** Text is kept without the spaces around it; a blank detail is no detail. */
    public Referrer {
        name = name == null ? null : name.strip();
        role = role == null || role.isBlank() ? null : role.strip();
        agency = agency == null || agency.isBlank() ? null : agency.strip();
        contact = contact == null || contact.isBlank() ? null : contact.strip();
    }
}
