package org.mashlive.referral;

import java.net.URI;
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
import reactor.core.publisher.Mono;

/**
 * Intake and screening over HTTP. Errors answer {@code application/problem+json} naming what was
 * wrong (see {@link ReferralProblems}); a failed request writes nothing.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
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
    Mono<ReferralSummary> rate(@PathVariable String ref, @Valid @RequestBody RateRequest request) {
        return referrals.find(ref)
                .flatMap(found -> referrals.rate(found.id(), request.rag(), request.reason()))
                .map(ReferralSummary::of);
    }

    @PutMapping("/{ref}/stage")
    Mono<ReferralSummary> move(@PathVariable String ref, @Valid @RequestBody MoveRequest request) {
        return referrals.find(ref)
                .flatMap(found -> referrals.moveTo(found.id(), request.stage()))
                .map(ReferralSummary::of);
    }

    @PostMapping("/{ref}/decision")
    Mono<ReferralSummary> decide(@PathVariable String ref, @Valid @RequestBody DecisionRequest request) {
        return referrals.find(ref)
                .flatMap(found -> referrals.decide(found.id(), request.outcome()))
                .map(ReferralSummary::of);
    }

    /** Records that the police checks on a police notification are done, with the officer's summary. */
    @PostMapping("/{ref}/police-check")
    Mono<ReferralSummary> policeCheckDone(@PathVariable String ref, @Valid @RequestBody PoliceCheckRequest request,
                                          org.springframework.web.server.ServerWebExchange exchange) {
        return exchange.getPrincipal().map(java.security.Principal::getName).defaultIfEmpty("anonymous")
                .flatMap(by -> referrals.find(ref)
                        .flatMap(found -> referrals.completePoliceCheck(found.id(), request.summary(), by)))
                .map(ReferralSummary::of);
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
