package org.mashlive.kiosk;

import java.util.List;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.InvalidException;
import org.mashlive.audit.Acting;
import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.KioskCheck;
import org.mashlive.kiosk.api.KioskGrant;
import org.mashlive.kiosk.api.KioskRoutes;
import org.mashlive.kiosk.api.NewKiosk;
import org.mashlive.kiosk.api.RevokeKiosk;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The kiosk routes over RSocket ({@link KioskRoutes}). Who may call which is the security module's
 * rule; an admin's change is made as the signed-in caller. An unknown token id is an application
 * error naming it; bad input is refused the platform's way, naming the field.
 */
@Controller
class KioskRSocketController {

    private final KioskService kiosks;
    private final Acting acting;

    KioskRSocketController(KioskService kiosks, Acting acting) {
        this.kiosks = kiosks;
        this.acting = acting;
    }

    @MessageMapping(KioskRoutes.LIST)
    Mono<List<KioskCard>> all() {
        return kiosks.all().collectList();
    }

    @MessageMapping(KioskRoutes.CREATE)
    Mono<CreatedKiosk> create(@Payload(required = false) NewKiosk request) {
        return acting.caller().flatMap(admin -> kiosks.create(admin, request));
    }

    @MessageMapping(KioskRoutes.REVOKE)
    Mono<KioskCard> revoke(@Payload(required = false) RevokeKiosk request) {
        if (request == null || request.id() <= 0) {
            return Mono.error(new InvalidException("id: must name the kiosk token to revoke"));
        }
        return acting.caller().flatMap(admin -> kiosks.revoke(admin, request.id()));
    }

    @MessageMapping(KioskRoutes.CHECK)
    Mono<KioskGrant> check(@Payload(required = false) KioskCheck request) {
        return kiosks.check(request == null ? null : request.tokenHash());
    }

    @MessageMapping(KioskRoutes.TEAMS)
    Mono<List<String>> teams() {
        return Mono.just(kiosks.teams());
    }

    @MessageExceptionHandler(KioskNotFoundException.class)
    Mono<KioskCard> notFound(KioskNotFoundException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }
}
