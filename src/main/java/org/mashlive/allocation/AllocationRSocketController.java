package org.mashlive.allocation;

import java.util.List;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.AllocationRoutes;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.ReferralNotFoundException;
import org.mashlive.referral.ReferralService;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The duty view's allocation routes over RSocket: {@value AllocationRoutes#ALLOCATE} as the signed-in
 * caller, and {@value AllocationRoutes#CANDIDATES}. Who may call them is the security module's rule.
 * A conflict and a needed confirmation answer the error codes of {@link AllocationRoutes}, so a client
 * can tell them apart; other refusals name the field.
 */
@Controller
class AllocationRSocketController {

    private final AllocationService allocation;
    private final ReferralService referrals;
    private final org.mashlive.audit.Acting acting;

    AllocationRSocketController(AllocationService allocation, ReferralService referrals,
                                org.mashlive.audit.Acting acting) {
        this.allocation = allocation;
        this.referrals = referrals;
        this.acting = acting;
    }

    @MessageMapping(AllocationRoutes.ALLOCATE)
    Mono<AllocationCard> allocate(AllocateRequest request) {
        if (request.reference() == null || request.reference().isBlank()) {
            return Mono.error(new InvalidAllocationException("reference", "must name the referral"));
        }
        if (request.staffId() <= 0) {
            return Mono.error(new InvalidAllocationException("staffId", "must name the person to give it to"));
        }
        WorkType type = request.workType() == null ? WorkType.REFERRAL : request.workType();
        // the person's name and role are kept for the trail; allocation keeps its own transactions
        return acting.caller()
                .flatMap(person -> acting.remember(person).thenReturn(person.username()))
                .flatMap(actor -> referrals.find(request.reference().strip())
                        .flatMap(referral -> allocation.allocate(new AllocateCase(type, referral.id(), request.staffId(),
                                request.expectedVersion(), request.reason(), request.confirm()), actor)));
    }

    @MessageMapping(AllocationRoutes.CANDIDATES)
    Mono<List<CandidateCard>> candidates() {
        return allocation.candidates()
                .map(candidate -> {
                    var person = candidate.person();
                    return new CandidateCard(person.id(), person.displayName(), person.role(), person.onShift(),
                            person.onBreak(), person.nextShiftStart(), candidate.openCases(), candidate.caseloadLimit());
                })
                .collectList();
    }

    @MessageExceptionHandler(AllocationConflictException.class)
    Mono<AllocationCard> conflict(AllocationConflictException e) {
        return Mono.error(new CustomRSocketException(AllocationRoutes.CONFLICT, e.getMessage()));
    }

    @MessageExceptionHandler(ConfirmationRequiredException.class)
    Mono<AllocationCard> confirmationRequired(ConfirmationRequiredException e) {
        return Mono.error(new CustomRSocketException(AllocationRoutes.CONFIRMATION_REQUIRED,
                String.join("\n", e.warnings())));
    }

    /**
     * A referral not found, named by its reference. Invalid input, and a payload that cannot be
     * read, are answered the platform's way ({@link org.mashlive.platform.RSocketInputProblems}).
     */
    @MessageExceptionHandler(ReferralNotFoundException.class)
    Mono<AllocationCard> refused(ReferralNotFoundException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }
}
