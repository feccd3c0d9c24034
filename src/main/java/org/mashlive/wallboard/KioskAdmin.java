package org.mashlive.wallboard;

import java.util.List;

import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.NewKiosk;

/**
 * What the kiosk page asks the backend, as the signed-in admin. Each call waits for the answer (at
 * most a few seconds) on the admin's click; failures are {@link DutyException}s a person can read.
 */
public interface KioskAdmin {

    /** Every kiosk token made on the page, revoked ones too, newest first. */
    List<KioskCard> kiosks(ActingUser user);

    /** Makes a token as {@code user}: the answer is the only time it is shown. */
    CreatedKiosk createKiosk(ActingUser user, NewKiosk request);

    /** Revokes the token as {@code user}; answers it as revoked. */
    KioskCard revokeKiosk(ActingUser user, long id);

    /** The hub's team names, the only ones a token may be bound to. */
    List<String> teams(ActingUser user);
}
