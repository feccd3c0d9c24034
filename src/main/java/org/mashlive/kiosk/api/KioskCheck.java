package org.mashlive.kiosk.api;

/**
 * Which token a screen showed, by its hash ({@link KioskRoutes#hash}), never the token.
 *
 * @param tokenHash 64 lower-case hex digits
 */
public record KioskCheck(String tokenHash) {
}
