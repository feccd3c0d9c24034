package org.mashlive.capacity;

import org.mashlive.capacity.api.CapacityRoutes;
import org.mashlive.capacity.api.CapacitySummary;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The capacity figures' RSocket routes; see {@link CapacityRoutes}. */
@Controller
class CapacityRSocketController {

    private final CapacityService capacity;

    CapacityRSocketController(CapacityService capacity) {
        this.capacity = capacity;
    }

    @MessageMapping(CapacityRoutes.SUMMARY)
    Mono<CapacitySummary> summary() {
        return capacity.summary();
    }
}
