package org.mashlive.kiosk;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.KioskGrant;
import org.mashlive.kiosk.api.KioskRoutes;
import org.mashlive.kiosk.api.NewKiosk;
import org.mashlive.platform.InvalidInputException;
import org.mashlive.platform.Text;
import org.mashlive.staff.StaffProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes, lists, revokes and checks kiosk tokens. A token is 256 random bits, shown once; only its
 * hash is kept. Making and revoking run as the admin ({@link Acting#as}), with a line in the token's
 * trail, in one transaction with the change.
 */
@Service
class KioskService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NAME_MAX = 80;

    private final KioskTokenStore store;
    private final Acting acting;
    private final StaffProperties staff;
    private final Clock clock;

    KioskService(KioskTokenStore store, Acting acting, StaffProperties staff, Clock clock) {
        this.store = store;
        this.acting = acting;
        this.staff = staff;
        this.clock = clock;
    }

    /** The hub's teams, as {@code mash.staff.teams} names them: the only teams a token may be bound to. */
    List<String> teams() {
        return staff.teams();
    }

    Flux<KioskCard> all() {
        return store.all();
    }

    /**
     * @throws InvalidInputException naming {@code name} or {@code team} when either is not one the hub can take
     */
    Mono<CreatedKiosk> create(Actor admin, NewKiosk request) {
        if (request == null) {
            return Mono.error(new InvalidInputException("name", "must say which screen it is"));
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            return Mono.error(new InvalidInputException("name",
                    "must say which screen it is, in 1 to " + NAME_MAX + " characters"));
        }
        String team = request.team() == null || request.team().isBlank() ? null : request.team().strip();
        try {
            Text.line("name", name);
        } catch (InvalidInputException e) {
            return Mono.error(e);
        }
        if (team != null && !teams().contains(team)) {
            return Mono.error(new InvalidInputException("team",
                    "must be one of the hub's teams (" + String.join(", ", teams()) + "), or empty for the whole hub"));
        }
        String token = newToken();
        var now = clock.instant();
        return acting.as(admin, store.insert(name, team, KioskRoutes.hash(token), now, admin.username())
                .flatMap(card -> store.audit(now, admin.username(), "CREATED", card.id(),
                                "named '" + name + "', " + (team == null ? "the whole hub" : "team " + team))
                        .thenReturn(new CreatedKiosk(card, token))));
    }

    /** Revokes the token; revoking one already revoked changes nothing and answers it as it is. */
    Mono<KioskCard> revoke(Actor admin, long id) {
        var now = clock.instant();
        return acting.as(admin, store.revoke(id, now, admin.username())
                .flatMap(card -> store.audit(now, admin.username(), "REVOKED", id, null).thenReturn(card))
                .switchIfEmpty(Mono.defer(() -> store.find(id)))
                .switchIfEmpty(Mono.error(() -> new KioskNotFoundException(id))));
    }

    /**
     * What the token of {@code tokenHash} grants, recording it as seen; empty when no token has it.
     *
     * @throws InvalidInputException naming {@code tokenHash} when it is not a SHA-256 in hex
     */
    Mono<KioskGrant> check(String tokenHash) {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            return Mono.error(new InvalidInputException("tokenHash",
                    "must be the token's SHA-256 in 64 lower-case hex digits"));
        }
        return store.seen(tokenHash, clock.instant())
                .map(card -> new KioskGrant(card.id(), card.name(), card.team(), card.revoked()));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
