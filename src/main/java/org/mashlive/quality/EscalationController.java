package org.mashlive.quality;

import java.util.List;

import org.mashlive.audit.Acting;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Professional disagreements over REST: {@code POST /api/escalations} raises one (201),
 * {@code GET /api/escalations} lists the open ones with their age in working days,
 * {@code GET /api/escalations/resolved} those resolved in the last 30 days, {@code GET /api/escalations/{id}}
 * one with what it is about (duty leads and admins; audited as viewed),
 * {@code POST /api/escalations/{id}/stage} escalates one, {@code POST /api/escalations/{id}/resolution}
 * resolves it. Who may call each is the security module's rule.
 */
@RestController
@RequestMapping("/api/escalations")
class EscalationController {

    private final Escalations escalations;
    private final Acting acting;

    EscalationController(Escalations escalations, Acting acting) {
        this.escalations = escalations;
        this.acting = acting;
    }

    @PostMapping
    Mono<ResponseEntity<Escalation>> raise(@RequestBody RaiseEscalation request) {
        return acting.caller().flatMap(actor -> escalations.raise(request, actor))
                .map(raised -> ResponseEntity.status(HttpStatus.CREATED).body(raised));
    }

    @GetMapping
    Mono<List<Escalation>> open() {
        return escalations.open().collectList();
    }

    @GetMapping("/resolved")
    Mono<List<Escalation>> resolved() {
        return escalations.recentlyResolved().collectList();
    }

    @GetMapping("/{id}")
    Mono<Escalation> detail(@PathVariable long id) {
        return acting.caller().flatMap(actor -> escalations.detail(id, actor));
    }

    @PostMapping("/{id}/stage")
    Mono<Escalation> escalate(@PathVariable long id, @RequestBody EscalationStep request) {
        return acting.caller().flatMap(actor -> escalations.escalate(
                new EscalationStep(id, request == null ? null : request.stage(), request == null ? null : request.note()),
                actor));
    }

    @PostMapping("/{id}/resolution")
    Mono<Escalation> resolve(@PathVariable long id, @RequestBody ResolveEscalation request) {
        return acting.caller().flatMap(actor -> escalations.resolve(
                new ResolveEscalation(id, request == null ? null : request.resolution()), actor));
    }
}
