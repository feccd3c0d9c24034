package org.mashlive.allocation;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.mashlive.audit.NamedEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.ReferralService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Allocation over HTTP: who has a referral, give or move it, the people it can go to, and the
 * audit trail of a case or a person. Errors answer {@code application/problem+json}
 * ({@link AllocationProblems}).
 */
@RestController
class AllocationController {

    private final AllocationService allocation;
    private final ReferralService referrals;
    private final AuditTrail audit;
    private final org.mashlive.audit.Acting acting;

    AllocationController(AllocationService allocation, ReferralService referrals, AuditTrail audit,
                         org.mashlive.audit.Acting acting) {
        this.allocation = allocation;
        this.referrals = referrals;
        this.audit = audit;
        this.acting = acting;
    }

    @GetMapping("/api/referrals/{ref}/allocation")
    Mono<AllocationCard> current(@PathVariable String ref) {
        return referrals.find(ref).flatMap(referral -> allocation.current(WorkType.REFERRAL, referral.id()));
    }

    /**
     * Gives the referral to {@code staffId}, or moves it. {@code expectedVersion} is the version the
     * caller saw (absent when they saw it unallocated); {@code reason} is required for a move;
     * {@code confirm} accepts the warnings of an earlier answer.
     */
    @PutMapping("/api/referrals/{ref}/allocation")
    Mono<AllocationCard> allocate(@PathVariable String ref, @Valid @RequestBody AllocateRequest request,
                                  ServerWebExchange exchange) {
        return actor(exchange).flatMap(actor -> referrals.find(ref)
                .flatMap(referral -> allocation.allocate(new AllocateCase(WorkType.REFERRAL, referral.id(),
                        request.staffId(), request.expectedVersion(), request.reason(),
                        Boolean.TRUE.equals(request.confirm())), actor)));
    }

    /** As for a referral, for the police checks on a police notification: they go to MASH police officers. */
    @PutMapping("/api/referrals/{ref}/police-check/allocation")
    Mono<AllocationCard> allocateCheck(@PathVariable String ref, @Valid @RequestBody AllocateRequest request,
                                       ServerWebExchange exchange) {
        return actor(exchange).flatMap(actor -> referrals.find(ref)
                .flatMap(referral -> allocation.allocate(new AllocateCase(WorkType.POLICE_CHECK, referral.id(),
                        request.staffId(), request.expectedVersion(), request.reason(),
                        Boolean.TRUE.equals(request.confirm())), actor)));
    }

    @GetMapping("/api/allocation")
    Mono<List<AllocationCard>> all() {
        return allocation.all().collectList();
    }

    @GetMapping("/api/allocation/candidates")
    Mono<List<AllocationService.Candidate>> candidates() {
        return allocation.candidates().collectList();
    }

    /**
     * The referral's trail and its police checks': who took it in, screened, moved, decided, signed
     * off and checked it, each person by display name and role.
     */
    @GetMapping("/api/referrals/{ref}/audit")
    Mono<List<NamedEntry>> auditOfReferral(@PathVariable String ref) {
        return referrals.find(ref).flatMap(referral -> audit.forCaseNamed(referral.id()).collectList());
    }

    @GetMapping("/api/staff/{id}/audit")
    Mono<List<NamedEntry>> auditOfStaff(@PathVariable long id) {
        return audit.forStaffNamed(id).collectList();
    }

    /** Who is signed in, their name and role kept for the trail (allocation keeps its own transactions). */
    private Mono<String> actor(ServerWebExchange exchange) {
        return exchange.getPrincipal().cast(org.springframework.security.core.Authentication.class)
                .map(acting::of)
                .flatMap(person -> acting.remember(person).thenReturn(person.username()))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")));
    }

    record AllocateRequest(@NotNull @Positive Long staffId, Integer expectedVersion,
                           @Size(max = 1000) String reason, Boolean confirm) {
    }
}
