package org.mashlive.wallboard;

import java.time.Duration;
import java.util.Optional;

import org.mashlive.kiosk.api.KioskCheck;
import org.mashlive.kiosk.api.KioskGrant;
import org.mashlive.kiosk.api.KioskRoutes;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;

/**
 * {@link KioskLookup} over RSocket, signed in as the wall-board itself (its board token): a kiosk
 * screen is no person. Waits on the servlet thread of the screen's request, at most {@link #TIMEOUT}.
 */
@Component
final class KioskLookupConnection implements KioskLookup {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final BackendClient client;
    private final BackendCredentials credentials;

    KioskLookupConnection(RSocketStrategies strategies, BackendProperties backend, BackendCredentials credentials) {
        this.client = new BackendClient(strategies, backend);
        this.credentials = credentials;
    }

    @Override
    public Optional<KioskGrant> check(String tokenHash) {
        return client.mono(KioskRoutes.CHECK, credentials.metadata(),
                        spec -> spec.data(new KioskCheck(tokenHash)).retrieveMono(KioskGrant.class))
                .timeout(TIMEOUT)
                .blockOptional();
    }
}
