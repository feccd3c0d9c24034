package org.mashlive.kiosk.api;

/**
 * A kiosk token just made: the only time the token is shown.
 *
 * @param kiosk the token as admins see it
 * @param token the token itself, for the screen's address {@code /board?kiosk=TOKEN}
 */
public record CreatedKiosk(KioskCard kiosk, String token) {

    @Override
    public String toString() {
        return "CreatedKiosk[kiosk=" + kiosk + ", token=(hidden)]";
    }
}
