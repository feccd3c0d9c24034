package org.mashlive.kiosk.api;

/**
 * Which kiosk token to revoke.
 *
 * @param id its id
 */
public record RevokeKiosk(long id) {
}
