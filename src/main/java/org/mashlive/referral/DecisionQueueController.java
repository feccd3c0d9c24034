package org.mashlive.referral;

import java.util.List;

import org.mashlive.referral.api.AwaitingSignOff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The sign-off queue and the hub's decision settings over HTTP, for duty leads and admins: the queue
 * carries rationales, which may name people.
 */
@RestController
class DecisionQueueController {

    private final Decisions decisions;

    DecisionQueueController(Decisions decisions) {
        this.decisions = decisions;
    }

    /** The decisions awaiting sign-off, the longest waiting first. */
    @GetMapping("/api/decisions/awaiting-sign-off")
    Mono<List<AwaitingSignOff>> awaitingSignOff() {
        return decisions.awaitingSignOff().collectList();
    }

    /** The threshold levels and the outcomes that need sign-off, as configured. */
    @GetMapping("/api/decisions/settings")
    Mono<Settings> settings() {
        return Mono.just(new Settings(decisions.thresholds(),
                decisions.outcomesNeedingSignOff().stream().map(Enum::name).sorted().toList()));
    }

    record Settings(List<String> thresholds, List<String> outcomesNeedingSignOff) {
    }
}
