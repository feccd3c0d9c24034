package org.mashlive.kiosk;

/** No kiosk token has the id asked for. */
class KioskNotFoundException extends RuntimeException {

    KioskNotFoundException(long id) {
        super("No kiosk token has id " + id);
    }
}
