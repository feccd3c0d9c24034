/**
 * Kiosk tokens made on a screen: admins make one for a TV (shown once, only its hash kept), name it,
 * bind it to a team or to the whole hub and revoke it; the wall-board checks a screen's token here
 * and the check records when the screen was last seen.
 */
@org.springframework.modulith.ApplicationModule
package org.mashlive.kiosk;
