package org.mashlive.kiosk.api;

import java.time.Instant;

/**
 * A kiosk token as admins see it: never the token, which is not kept.
 *
 * @param id         its id
 * @param name       what the screen is, e.g. {@code Reception TV}
 * @param team       the team whose board it shows, or null for the whole hub
 * @param createdAt  when it was made (UTC)
 * @param createdBy  who made it (their username)
 * @param lastSeenAt when a screen last used it, or null if none has
 * @param revokedAt  when it was revoked, or null while in force
 * @param revokedBy  who revoked it, or null
 */
public record KioskCard(long id, String name, String team, Instant createdAt, String createdBy, Instant lastSeenAt,
                        Instant revokedAt, String revokedBy) {

    /** Whether it has been revoked. */
    public boolean revoked() {
        return revokedAt != null;
    }
}
