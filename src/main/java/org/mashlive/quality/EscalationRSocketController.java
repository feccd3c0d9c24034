package org.mashlive.quality;

import java.util.List;

import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.audit.Acting;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationRef;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Professional disagreements over RSocket: the REST API's rules and words. */
@Controller
class EscalationRSocketController {

    private final Escalations escalations;
    private final Acting acting;

    EscalationRSocketController(Escalations escalations, Acting acting) {
        this.escalations = escalations;
        this.acting = acting;
    }

    @MessageMapping(QualityRoutes.ESCALATION_RAISE)
    Mono<Escalation> raise(RaiseEscalation request) {
        return acting.caller().flatMap(actor -> escalations.raise(request, actor));
    }

    @MessageMapping(QualityRoutes.ESCALATION_STAGE)
    Mono<Escalation> escalate(EscalationStep request) {
        return acting.caller().flatMap(actor -> escalations.escalate(request, actor));
    }

    @MessageMapping(QualityRoutes.ESCALATION_RESOLVE)
    Mono<Escalation> resolve(ResolveEscalation request) {
        return acting.caller().flatMap(actor -> escalations.resolve(request, actor));
    }

    @MessageMapping(QualityRoutes.ESCALATIONS_OPEN)
    Mono<List<Escalation>> open() {
        return escalations.open().collectList();
    }

    @MessageMapping(QualityRoutes.ESCALATIONS_RESOLVED)
    Mono<List<Escalation>> resolved() {
        return escalations.recentlyResolved().collectList();
    }

    @MessageMapping(QualityRoutes.ESCALATION_DETAIL)
    Mono<Escalation> detail(EscalationRef request) {
        return acting.caller().flatMap(actor -> escalations.detail(request == null ? null : request.id(), actor));
    }

    @MessageExceptionHandler(QualityRefusedException.class)
    Mono<Void> refused(QualityRefusedException e) {
        return Mono.error(new CustomRSocketException(QualityRoutes.REFUSED, e.getMessage()));
    }

    @MessageExceptionHandler(QualityNotFoundException.class)
    Mono<Void> notFound(QualityNotFoundException e) {
        return Mono.error(new CustomRSocketException(QualityRoutes.NOT_FOUND, e.getMessage()));
    }
}
