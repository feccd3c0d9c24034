package org.mashlive.wallboard;

import java.util.Optional;

import org.mashlive.kiosk.api.KioskGrant;

/** Asks the backend what a kiosk token made on the kiosk page grants. */
interface KioskLookup {

    /**
     * The grant of the token whose hash is {@code tokenHash}, revoked or not; empty when the backend
     * knows no such token.
     *
     * @throws RuntimeException when the backend did not answer
     */
    Optional<KioskGrant> check(String tokenHash);
}
