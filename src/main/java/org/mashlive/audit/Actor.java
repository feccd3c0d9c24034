package org.mashlive.audit;

/**
 * The person who made a change: the account they signed in with, as named to others.
 *
 * @param username    the account's name, the person's id in every record of who did what
 * @param displayName how the hub knows them, for example {@code Sam Okafor}
 * @param role        the role they acted in, for example {@code DUTY_LEAD}
 */
public record Actor(String username, String displayName, String role) {

    /** Who made the changes recorded before people were recorded. */
    public static final Actor BEFORE_RECORDING =
            new Actor("(before recording)", "unknown (before recording began)", "UNKNOWN");

    /** Who made a change no person made, such as a contact taken from storage. */
    public static final Actor SYSTEM = new Actor("(system)", "MASH Live (no person)", "SYSTEM");

    public Actor {
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        role = role == null || role.isBlank() ? "UNKNOWN" : role;
    }

    /** {@code Sam Okafor (duty lead)}: how a detail view or a report names them. */
    public String label() {
        return displayName + " (" + role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }
}
