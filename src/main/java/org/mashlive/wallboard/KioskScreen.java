package org.mashlive.wallboard;

/**
 * A screen signed in with a kiosk token, as the board needs to know it.
 *
 * @param tokenHash the token's hash ({@link org.mashlive.kiosk.api.KioskRoutes#hash}), by which it is
 *                  checked again; the token itself is not kept
 * @param id        the token's id when an admin made it on the kiosk page, null for a configured one
 * @param name      what the screen is, as the admin named it, or null for a configured token
 * @param team      the team whose board it shows, or null for the whole hub
 */
public record KioskScreen(String tokenHash, Long id, String name, String team) {
}
