package org.mashlive.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every refusal of the referral API into {@code application/problem+json} that names the
 * field and says what it must be, so a sender can fix the request without reading our code.
 */
@RestControllerAdvice(assignableTypes = ReferralController.class)
class ReferralProblems extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(error -> error.get("field")))
                .toList();
        String detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; "));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e));
        problem.setTitle("Invalid request");
        field(e).ifPresent(field -> problem.setProperty("errors", List.of(Map.of("field", field,
                "message", problem.getDetail()))));
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    @ExceptionHandler(InvalidReferralException.class)
    ProblemDetail invalid(InvalidReferralException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
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

    @ExceptionHandler(ReferralClosedException.class)
    ProblemDetail closed(ReferralClosedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Referral already decided");
        return problem;
    }

    private static java.util.Optional<String> field(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
                return java.util.Optional.of(databind.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "["));
            }
        }
        return java.util.Optional.empty();
    }

    private static String describe(ServerWebInputException e) {
        var field = field(e);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid && field.isPresent()) {
                Class<?> target = invalid.getTargetType();
                if (target != null && target.isEnum()) {
                    return field.get() + " must be one of " + Arrays.stream(target.getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", "))
                            + "; it was '" + invalid.getValue() + "'";
                }
                return field.get() + " has an invalid value '" + invalid.getValue() + "'"
                        + (target == null ? "" : " (expected " + expected(target) + ")");
            }
            if (cause instanceof MismatchedInputException mismatched && field.isPresent()) {
                return field.get() + " has the wrong type" + (mismatched.getTargetType() == null ? ""
                        : " (expected " + expected(mismatched.getTargetType()) + ")");
            }
            if (cause instanceof JacksonException jackson && !(cause instanceof tools.jackson.databind.DatabindException)) {
                return "The body is not valid JSON: " + jackson.getOriginalMessage();
            }
            if (cause instanceof DecodingException && cause.getCause() == null) {
                return cause.getMessage();
            }
        }
        if (field.isPresent()) {
            return field.get() + " is invalid";
        }
        return e.getReason() != null ? e.getReason() : "The request could not be read";
    }

    private static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date like 2015-04-02";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.getSimpleName();
    }
}
