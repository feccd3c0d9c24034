package org.mashlive.allocation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Allocation refusals as {@code application/problem+json}. */
@RestControllerAdvice(assignableTypes = AllocationController.class)
class AllocationProblems {

    @ExceptionHandler(AllocationConflictException.class)
    ProblemDetail conflict(AllocationConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Moved by someone else");
        problem.setProperty("current", e.current());
        return problem;
    }

    @ExceptionHandler(ConfirmationRequiredException.class)
    ProblemDetail confirm(ConfirmationRequiredException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Confirmation required");
        problem.setProperty("warnings", e.warnings());
        problem.setProperty("confirmationRequired", true);
        return problem;
    }

    @ExceptionHandler(org.mashlive.referral.ReferralNotFoundException.class)
    ProblemDetail notFound(org.mashlive.referral.ReferralNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such referral");
        return problem;
    }

}
