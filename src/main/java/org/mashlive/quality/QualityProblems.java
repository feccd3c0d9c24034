package org.mashlive.quality;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The module's own refusals as {@code application/problem+json}; what it cannot read, and a rule broken
 * by a field, are answered by {@link org.mashlive.platform.InputProblems}.
 */
@RestControllerAdvice(assignableTypes = {QualityController.class, EscalationController.class})
class QualityProblems {

    @ExceptionHandler(QualityNotFoundException.class)
    ProblemDetail notFound(QualityNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    @ExceptionHandler(QualityRefusedException.class)
    ProblemDetail refused(QualityRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }
}
