package org.mashlive.kiosk;

import java.util.List;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.NewKiosk;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Kiosk tokens over HTTP, for admins (the security module's rule): list, make (the answer is the
 * only one that carries the token) and revoke; and the hub's teams, for everyone signed in. Errors
 * answer {@code application/problem+json} ({@link KioskProblems}, and the platform's for bad input).
 */
@RestController
class KioskController {

    private final KioskService kiosks;
    private final Acting acting;

    KioskController(KioskService kiosks, Acting acting) {
        this.kiosks = kiosks;
        this.acting = acting;
    }

    @GetMapping("/api/kiosks")
    Mono<List<KioskCard>> all() {
        return kiosks.all().collectList();
    }

    @PostMapping("/api/kiosks")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CreatedKiosk> create(@RequestBody NewKiosk request, ServerWebExchange exchange) {
        return admin(exchange).flatMap(admin -> kiosks.create(admin, request));
    }

    @PostMapping("/api/kiosks/{id}/revoke")
    Mono<KioskCard> revoke(@PathVariable long id, ServerWebExchange exchange) {
        return admin(exchange).flatMap(admin -> kiosks.revoke(admin, id));
    }

    @GetMapping("/api/teams")
    List<String> teams() {
        return kiosks.teams();
    }

    private Mono<Actor> admin(ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(Authentication.class).map(acting::of)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")));
    }
}
