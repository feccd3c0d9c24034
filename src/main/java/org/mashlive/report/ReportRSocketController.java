package org.mashlive.report;

import io.rsocket.exceptions.ApplicationErrorException;
import org.mashlive.capacity.api.CapacityRoutes;
import org.mashlive.capacity.api.ReportRequest;
import org.mashlive.platform.InvalidInputException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@value CapacityRoutes#FRONT_DOOR_REPORT}: the front-door report as CSV for the capacity view's
 * download, the same figures and the same checks of the period as the REST API's. Who may call it is
 * the security module's rule.
 */
@Controller
class ReportRSocketController {

    private final FrontDoorReports reports;

    ReportRSocketController(FrontDoorReports reports) {
        this.reports = reports;
    }

    @MessageMapping(CapacityRoutes.FRONT_DOOR_REPORT)
    Mono<String> frontDoorCsv(ReportRequest request) {
        return Mono.fromCallable(() -> ReportController.Period.of(request == null ? null : request.from(),
                        request == null ? null : request.to()))
                .flatMap(period -> reports.report(period.from(), period.to()))
                .map(FrontDoorReport::csv);
    }

    @MessageExceptionHandler(InvalidInputException.class)
    Mono<String> refused(InvalidInputException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }
}
