package org.mashlive.staff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The staff API's own refusals as {@code application/problem+json}; what it cannot read is
 * answered by {@link org.mashlive.platform.InputProblems}.
 */
@RestControllerAdvice(assignableTypes = StaffController.class)
class StaffProblems {

    @ExceptionHandler(StaffNotFoundException.class)
    ProblemDetail notFound(StaffNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(RotaConflictException.class)
    ProblemDetail conflict(RotaConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Refused by the rota");
        return problem;
    }
}
