package org.mashlive.referral;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The referral API's own refusals as {@code application/problem+json}; what it cannot read is
 * answered by {@link org.mashlive.platform.InputProblems}.
 */
@RestControllerAdvice(assignableTypes = {ReferralController.class, FlagsController.class})
class ReferralProblems {

    /** Another contact has this externalRef: its reference and the fields that differ, nothing else of it. */
    @ExceptionHandler(ExternalRefConflictException.class)
    ProblemDetail externalRefTaken(ExternalRefConflictException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("External reference already used by another contact");
        problem.setProperty("externalRef", e.externalRef());
        problem.setProperty("reference", e.reference());
        problem.setProperty("fields", e.fields());
        return problem;
    }

    @ExceptionHandler(ReferralNotFoundException.class)
    ProblemDetail notFound(ReferralNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such referral");
        return problem;
    }

    @ExceptionHandler(PoliceCheckDoneException.class)
    ProblemDetail checkDone(PoliceCheckDoneException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Police checks already done");
        return problem;
    }

    /** Management oversight refused the step: the title names the rule, {@code rule} which one. */
    @ExceptionHandler(SignOffRefusedException.class)
    ProblemDetail signOffRefused(SignOffRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.rule().title());
        problem.setProperty("rule", e.rule().name());
        problem.setProperty("reference", e.reference());
        return problem;
    }

    @ExceptionHandler(ReferralClosedException.class)
    ProblemDetail closed(ReferralClosedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Referral already decided");
        return problem;
    }
}
