package org.mashlive.wallboard;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

/** Whether a kiosk screen's token is still in force, for the board it keeps open. */
public interface KioskScreens {

    /** No kiosk tokens to check: every screen stays, for views built without the wall-board's beans. */
    KioskScreens NONE = new KioskScreens() {
        @Override
        public boolean inForce(KioskScreen screen) {
            return true;
        }

        @Override
        public void revoked(long id) {
        }
    };

    /**
     * Whether {@code screen}'s token is still in force. Never waits for the backend: it answers what
     * was last learnt, and asks again in the background once that is older than the check interval.
     */
    boolean inForce(KioskScreen screen);

    /**
     * An admin revoked token {@code id} on this wall-board: its screens are refused from now on,
     * without waiting for the next check with the backend.
     */
    void revoked(long id);

    /** The kiosk screen signed in on this request's thread, if a kiosk token signed it in. */
    static Optional<KioskScreen> signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof KioskFilter.KioskAuthentication kiosk
                ? Optional.of(kiosk.screen())
                : Optional.empty();
    }
}
