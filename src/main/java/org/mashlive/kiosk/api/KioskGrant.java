package org.mashlive.kiosk.api;

/**
 * What a kiosk token lets a screen see.
 *
 * @param id      the token's id
 * @param name    what the screen is
 * @param team    the team whose board it shows, or null for the whole hub
 * @param revoked whether it has been revoked: the screen is then shown that it was
 */
public record KioskGrant(long id, String name, String team, boolean revoked) {
}
