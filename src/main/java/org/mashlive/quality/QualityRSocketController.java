package org.mashlive.quality;

import java.util.List;

import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.audit.Acting;
import org.mashlive.quality.api.Checklist;
import org.mashlive.quality.api.DrawRequest;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.quality.api.SampleRequest;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Quality assurance over RSocket, for the wall-board's QA view: the same rules and words as the REST
 * API. A refusal by the rules answers {@link QualityRoutes#REFUSED}, a week or referral not found
 * {@link QualityRoutes#NOT_FOUND}, and a field that breaks a rule an error naming it.
 */
@Controller
class QualityRSocketController {

    private final QualityAssurance quality;
    private final Acting acting;

    QualityRSocketController(QualityAssurance quality, Acting acting) {
        this.quality = quality;
        this.acting = acting;
    }

    @MessageMapping(QualityRoutes.DRAW)
    Mono<QaSample> draw(DrawRequest request) {
        return acting.caller().flatMap(actor -> quality.draw(request == null ? null : request.week(),
                request == null ? null : request.seed(), actor));
    }

    @MessageMapping(QualityRoutes.SAMPLE)
    Mono<QaSample> sample(SampleRequest request) {
        return quality.sample(request == null ? null : request.week());
    }

    @MessageMapping(QualityRoutes.CHECKLIST)
    Mono<Checklist> checklist() {
        return Mono.just(quality.checklist());
    }

    @MessageMapping(QualityRoutes.GRADE)
    Mono<QaGrade> grade(GradeRequest request) {
        return acting.caller().flatMap(actor -> quality.grade(request, actor));
    }

    @MessageMapping(QualityRoutes.MY_FEEDBACK)
    Mono<List<QaGrade>> feedback() {
        return acting.caller().flatMapMany(quality::feedback).collectList();
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
