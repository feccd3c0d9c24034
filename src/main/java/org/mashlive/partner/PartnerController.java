package org.mashlive.partner;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Rag;
import org.mashlive.partner.api.ChaseWay;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Partner requests over HTTP, for duty leads and admins (the security module's rule): a referral's
 * requests with their answers, ask, chase, answer. Refusals are {@code application/problem+json}
 * ({@link PartnerProblems}); a refused call writes nothing.
 */
@RestController
class PartnerController {

    private final PartnerRequests requests;
    private final Acting acting;

    PartnerController(PartnerRequests requests, Acting acting) {
        this.requests = requests;
        this.acting = acting;
    }

    @GetMapping("/api/referrals/{ref}/partner-requests")
    Mono<List<PartnerRequestDetail>> ofReferral(@PathVariable String ref) {
        return requests.ofReferral(ref).collectList();
    }

    /** 201 with the request, its due time worked out from the response times. */
    @PostMapping("/api/referrals/{ref}/partner-requests")
    Mono<ResponseEntity<PartnerRequestDetail>> request(@PathVariable String ref,
                                                       @Valid @RequestBody NewRequestBody body,
                                                       ServerWebExchange exchange) {
        return caller(exchange).flatMap(actor -> requests.request(new PartnerRequests.Ask(ref, body.agency(),
                        body.healthService(), body.rag(), body.asked(), body.owner()), actor))
                .map(detail -> ResponseEntity.created(URI.create("/api/partner-requests/" + detail.id())).body(detail));
    }

    @GetMapping("/api/partner-requests/{id}")
    Mono<PartnerRequestDetail> one(@PathVariable long id) {
        return requests.find(id);
    }

    @PostMapping("/api/partner-requests/{id}/chase")
    Mono<PartnerRequestDetail> chase(@PathVariable long id, @Valid @RequestBody ChaseBody body,
                                     ServerWebExchange exchange) {
        return caller(exchange).flatMap(actor -> requests.chase(id, body.how(), body.note(), actor));
    }

    @PostMapping("/api/partner-requests/{id}/answer")
    Mono<PartnerRequestDetail> answer(@PathVariable long id, @Valid @RequestBody AnswerBody body,
                                      ServerWebExchange exchange) {
        return caller(exchange).flatMap(actor -> requests.answer(id, body.summary(),
                Boolean.TRUE.equals(body.noInformationHeld()), actor));
    }

    private Mono<Actor> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(Authentication.class).map(acting::of)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")));
    }

    record NewRequestBody(@NotNull Agency agency, HealthService healthService, Rag rag, String asked, String owner) {
    }

    record ChaseBody(@NotNull ChaseWay how, String note) {
    }

    record AnswerBody(String summary, Boolean noInformationHeld) {
    }
}
