package org.mashlive.kiosk;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Kiosk token refusals as {@code application/problem+json}; bad input is the platform's. */
@RestControllerAdvice(assignableTypes = KioskController.class)
class KioskProblems {

    @ExceptionHandler(KioskNotFoundException.class)
    ProblemDetail notFound(KioskNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such kiosk token");
        return problem;
    }
}
