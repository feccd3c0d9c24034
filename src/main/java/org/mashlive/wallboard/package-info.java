/**
 * The Vaadin views people look at: the kiosk wall-board, the duty leads' queue and the capacity view.
 * It sees the backend only through {@code board.api}, {@code capacity.api}, {@code referral.api},
 * {@code allocation.api}, {@code kiosk.api} and RSocket.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board :: api", "capacity :: api", "referral :: api",
        "allocation :: api", "quality :: api", "kiosk :: api", "signin", "partner :: api"})
package org.mashlive.wallboard;
