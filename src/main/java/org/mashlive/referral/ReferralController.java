package org.mashlive.referral;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Intake and screening over HTTP. Errors answer {@code application/problem+json} naming what was
 * wrong (see {@link ReferralProblems}); a failed request writes nothing.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralService referrals;
    private final ScreeningActions screening;

    ReferralController(ReferralService referrals, ScreeningActions screening) {
        this.referrals = referrals;
        this.screening = screening;
    }

    /** 201 with the new referral, or 200 with the existing one when its externalRef was seen before. */
    @PostMapping
    Mono<ResponseEntity<ReferralSummary>> receive(@Valid @RequestBody NewReferral contact) {
        return referrals.receive(contact).map(received -> {
            var body = ReferralSummary.of(received.referral());
            return received.created()
                    ? ResponseEntity.created(URI.create("/api/referrals/" + body.reference())).body(body)
                    : ResponseEntity.status(HttpStatus.OK).body(body);
        });
    }

    /**
     * Open referrals, oldest first. Read whole before the answer is written, so a slow client holds
     * memory for its answer rather than a database connection (the same for every list below).
     */
    @GetMapping
    Mono<List<ReferralSummary>> open() {
        return referrals.open().map(ReferralSummary::of).collectList();
    }

    @GetMapping("/{ref}")
    Mono<ReferralSummary> one(@PathVariable String ref) {
        return referrals.find(ref).map(ReferralSummary::of);
    }

    @PutMapping("/{ref}/rag")
    Mono<ReferralSummary> rate(@PathVariable String ref, @Valid @RequestBody RateRequest request,
                               ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> screening.rate(ref, request.rag(), request.reason(), by))
                .map(ReferralSummary::of);
    }

    @PutMapping("/{ref}/stage")
    Mono<ReferralSummary> move(@PathVariable String ref, @Valid @RequestBody MoveRequest request,
                               ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> screening.move(ref, request.stage(), by))
                .map(ReferralSummary::of);
    }

    @PostMapping("/{ref}/decision")
    Mono<ReferralSummary> decide(@PathVariable String ref, @Valid @RequestBody DecisionRequest request,
                                 ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> screening.decide(ref, request.outcome(), by))
                .map(ReferralSummary::of);
    }

    /** Records that the police checks on a police notification are done, with the officer's summary. */
    @PostMapping("/{ref}/police-check")
    Mono<ReferralSummary> policeCheckDone(@PathVariable String ref, @Valid @RequestBody PoliceCheckRequest request,
                                          ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> screening.completePoliceCheck(ref, request.summary(), by))
                .map(ReferralSummary::of);
    }

    /** Who is signed in: the audit trail names them for every screening change. */
    private static Mono<String> actor(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("anonymous");
    }

    record PoliceCheckRequest(@NotBlank @Size(max = 4000) String summary) {
    }

    record RateRequest(@NotNull Rag rag, @NotBlank @Size(max = 1000) String reason) {
    }

    record MoveRequest(@NotNull Stage stage) {
    }

    record DecisionRequest(@NotNull Outcome outcome) {
    }
}
