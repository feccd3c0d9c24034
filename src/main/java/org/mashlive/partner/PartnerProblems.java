package org.mashlive.partner;

import org.mashlive.referral.ReferralClosedException;
import org.mashlive.referral.ReferralNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Partner requests' own refusals as {@code application/problem+json}; what cannot be read, and a
 * field that breaks a rule, are answered by {@link org.mashlive.platform.InputProblems}.
 */
@RestControllerAdvice(assignableTypes = PartnerController.class)
class PartnerProblems {

    @ExceptionHandler(ReferralNotFoundException.class)
    ProblemDetail noReferral(ReferralNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such referral");
        return problem;
    }

    @ExceptionHandler(PartnerRequestNotFoundException.class)
    ProblemDetail noRequest(PartnerRequestNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such partner request");
        return problem;
    }

    @ExceptionHandler(AlreadyAnsweredException.class)
    ProblemDetail answered(AlreadyAnsweredException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Partner request already answered");
        return problem;
    }

    @ExceptionHandler(ReferralClosedException.class)
    ProblemDetail closed(ReferralClosedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Referral already decided");
        return problem;
    }
}
