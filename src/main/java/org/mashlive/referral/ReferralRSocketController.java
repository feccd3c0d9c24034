package org.mashlive.referral;

import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.api.DetailRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.ReferralRoutes;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;
import io.rsocket.exceptions.ApplicationErrorException;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * {@value ReferralRoutes#DETAIL}: a child's identifying detail for a duty lead. Who may call it is the
 * security module's rule; this writes a {@link AuditAction#DETAIL_VIEWED} entry naming the caller
 * before it answers, so no detail leaves without its trace.
 */
@Controller
class ReferralRSocketController {

    private final DetailViews referrals;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    ReferralRSocketController(DetailViews referrals, AuditTrail audit, TransactionalOperator transaction,
                              Clock clock) {
        this.referrals = referrals;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @MessageMapping(ReferralRoutes.DETAIL)
    Mono<ReferralDetail> detail(DetailRequest request) {
        if (request == null || request.reference() == null || request.reference().isBlank()) {
            return Mono.error(new InvalidReferralException("reference", "must name the referral"));
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getName())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")))
                .flatMap(actor -> referrals.detail(request.reference().strip())
                        .flatMap(detail -> transaction.transactional(audit.record(new AuditEntry(clock.instant(), actor,
                                        AuditAction.DETAIL_VIEWED, WorkType.REFERRAL.name(), detail.id(),
                                        detail.reference(), null, null, null, "identifying detail shown")))
                                .thenReturn(detail)));
    }

    @MessageExceptionHandler({ReferralNotFoundException.class, InvalidReferralException.class})
    Mono<ReferralDetail> refused(RuntimeException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }
}
