package org.mashlive.quality;

import java.util.List;

import org.mashlive.audit.Acting;
import org.mashlive.quality.api.Checklist;
import org.mashlive.quality.api.DrawRequest;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QaGrade;
import org.mashlive.quality.api.QaSample;
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
 * Quality assurance over REST: draw a week's sample ({@code POST /api/quality/samples}, 201, or 200 with
 * the sample drawn before), read it ({@code GET /api/quality/samples/2026-W48}), grade a sampled decision
 * ({@code POST /api/quality/grades}), the checklist, and the caller's own feedback
 * ({@code GET /api/quality/feedback}). Who may call each is the security module's rule.
 */
@RestController
@RequestMapping("/api/quality")
class QualityController {

    private final QualityAssurance quality;
    private final Acting acting;

    QualityController(QualityAssurance quality, Acting acting) {
        this.quality = quality;
        this.acting = acting;
    }

    @PostMapping("/samples")
    Mono<ResponseEntity<QaSample>> draw(@RequestBody(required = false) DrawRequest request) {
        return acting.caller().flatMap(actor -> quality.draw(request == null ? null : request.week(),
                        request == null ? null : request.seed(), actor))
                .map(sample -> ResponseEntity.status(sample.created() ? HttpStatus.CREATED : HttpStatus.OK).body(sample));
    }

    @GetMapping("/samples/{week}")
    Mono<QaSample> sample(@PathVariable String week) {
        return quality.sample(week);
    }

    @GetMapping("/checklist")
    Checklist checklist() {
        return quality.checklist();
    }

    @PostMapping("/grades")
    Mono<ResponseEntity<QaGrade>> grade(@RequestBody GradeRequest request) {
        return acting.caller().flatMap(actor -> quality.grade(request, actor))
                .map(grade -> ResponseEntity.status(HttpStatus.CREATED).body(grade));
    }

    @GetMapping("/feedback")
    Mono<List<QaGrade>> feedback() {
        return acting.caller().flatMapMany(quality::feedback).collectList();
    }
}
