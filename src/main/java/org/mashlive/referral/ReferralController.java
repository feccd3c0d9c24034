package org.mashlive.referral;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.board.api.Access;
import org.mashlive.referral.api.FeedbackWay;
import org.mashlive.referral.api.NextStep;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
    private final Decisions decisions;
    private final Acting acting;

    ReferralController(ReferralService referrals, ScreeningActions screening, Decisions decisions, Acting acting) {
        this.referrals = referrals;
        this.screening = screening;
        this.decisions = decisions;
        this.acting = acting;
    }

    /**
     * 201 with the new referral, or 200 with the existing one when the same contact was received
     * before under its externalRef; 409 when another contact has that externalRef
     * ({@link ExternalRefConflictException}). A caller who may read referrals gets the referral
     * as it stands; a caller who may only post contacts (a partner system) gets an
     * {@link IntakeReceipt}, so intake never shows it more than it could read otherwise.
     *
     * <p>A contact naming several {@code children} is answered {@code {"referrals": [...]}}, one
     * per child in the order given: 201 when this call created any of them (the contact, or a child
     * added to it), 200 when it was all received before.
     */
    @PostMapping
    Mono<ResponseEntity<Object>> receive(@Valid @RequestBody NewReferral contact, ServerWebExchange exchange) {
        return exchange.getPrincipal().map(ReferralController::mayReadReferrals).defaultIfEmpty(false)
                .zipWith(actor(exchange))
                .flatMap(caller -> referrals.receiveContact(contact)
                        .contextWrite(c -> Acting.context(c, caller.getT2())).map(received -> {
                    boolean mayRead = caller.getT1();
                    var first = received.getFirst().referral();
                    boolean created = received.stream().anyMatch(ReferralService.Received::created);
                    Object body = !contact.several()
                            ? answer(received.getFirst(), mayRead)
                            : new ContactAnswer(received.stream().map(each -> answer(each, mayRead)).toList());
                    return created
                            ? ResponseEntity.created(URI.create("/api/referrals/" + first.reference())).body(body)
                            : ResponseEntity.status(HttpStatus.OK).body(body);
                }));
    }

    private static Object answer(ReferralService.Received received, boolean mayRead) {
        return mayRead ? ReferralSummary.of(received.referral()) : IntakeReceipt.of(received);
    }

    /** The answer to a contact naming several children: its referrals, in the order the children were given. */
    record ContactAnswer(List<Object> referrals) {
    }

    /** Whether the caller holds a role that reads referrals ({@link Access#PEOPLE}). */
    private static boolean mayReadReferrals(Principal caller) {
        return caller instanceof Authentication signedIn && signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.startsWith("ROLE_") && Access.PEOPLE.contains(role.substring("ROLE_".length())));
    }

    /**
     * What a partner system that may only post contacts is told of one: the reference it has, and
     * whether this request created it (201) or it was received before (200). Nothing of how the
     * hub has handled it since, nor of the child's earlier referrals.
     */
    record IntakeReceipt(String reference, String externalRef, Instant receivedAt, boolean created) {

        static IntakeReceipt of(ReferralService.Received received) {
            var referral = received.referral();
            return new IntakeReceipt(referral.reference(), referral.externalRef(), referral.receivedAt(),
                    received.created());
        }
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
        var decision = new Decisions.Decision(request.outcome(), request.rationale(), request.threshold(),
                request.nextStep(), request.receivingTeam(), request.referrerToldAt(), request.referrerToldHow());
        return actor(exchange).flatMap(by -> decisions.decide(ref, decision, by))
                .map(ReferralSummary::of);
    }

    /** Authorises the decision awaiting sign-off: a different duty lead or admin than its maker. */
    @PostMapping("/{ref}/decision/sign-off")
    Mono<ReferralSummary> signOff(@PathVariable String ref, ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> decisions.signOff(ref, by)).map(ReferralSummary::of);
    }

    /** Returns the decision awaiting sign-off with the reason; the referral stays open for another decision. */
    @PostMapping("/{ref}/decision/return")
    Mono<ReferralSummary> returnDecision(@PathVariable String ref, @Valid @RequestBody ReturnRequest request,
                                         ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> decisions.returnDecision(ref, request.reason(), by))
                .map(ReferralSummary::of);
    }

    /** Every decision on the referral, returned ones too, with who made and settled each and why. */
    @GetMapping("/{ref}/decisions")
    Mono<List<Decisions.Recorded>> decisionsOf(@PathVariable String ref) {
        return referrals.find(ref).flatMap(referral -> decisions.ofReferral(referral.id()).collectList());
    }

    /** Records that the police checks on a police notification are done, with the officer's summary. */
    @PostMapping("/{ref}/police-check")
    Mono<ReferralSummary> policeCheckDone(@PathVariable String ref, @Valid @RequestBody PoliceCheckRequest request,
                                          ServerWebExchange exchange) {
        return actor(exchange).flatMap(by -> screening.completePoliceCheck(ref, request.summary(), by))
                .map(ReferralSummary::of);
    }

    /** Who is signed in: the referral and the audit trail name them for every change. */
    private Mono<Actor> actor(ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(Authentication.class).map(acting::of)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")));
    }

    record PoliceCheckRequest(@NotBlank @Size(max = 4000) String summary) {
    }

    record RateRequest(@NotNull Rag rag, @NotBlank @Size(max = 1000) String reason) {
    }

    record MoveRequest(@NotNull Stage stage) {
    }

    record DecisionRequest(@NotNull Outcome outcome, @NotBlank @Size(max = Decisions.MAX_RATIONALE) String rationale,
                           @NotBlank @Size(max = 80) String threshold, @NotNull NextStep nextStep,
                           @Size(max = Decisions.MAX_TEAM) String receivingTeam, Instant referrerToldAt,
                           FeedbackWay referrerToldHow) {
    }

    record ReturnRequest(@NotBlank @Size(max = Decisions.MAX_REASON) String reason) {
    }
}
