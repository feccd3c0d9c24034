package org.mashlive.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
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
 * How every backend API refuses what it cannot read, as {@code application/problem+json}: a
 * body that is not JSON, a field of the wrong type or value, a failed validation (each naming the
 * field and what it must be, so a sender can fix the request without reading our code), a body
 * too large (413), a request that breaks a rule ({@link InvalidInputException}: 400 naming the
 * field), and a database that cannot be reached (503, nothing recorded). Each module's own advice
 * answers its domain's other refusals (not found, conflicts).
 */
@RestControllerAdvice
public class InputProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(InputProblems.class);

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
        if (causedBy(e, DataBufferLimitException.class)) {
            var tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The body is larger than a referral can be; nothing was recorded");
            tooLarge.setTitle("Request too large");
            return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge));
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e));
        problem.setTitle("Invalid request");
        field(e).or(() -> parameter(e)).ifPresent(field -> problem.setProperty("errors", List.of(Map.of("field", field,
                "message", problem.getDetail()))));
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    /** A well-formed request that breaks a rule: 400 naming the field, in the shape of a failed validation. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The database could not be reached, or failed: the request is refused whole. A refusal for an
     * unreachable database is 503 with Retry-After, so a sender knows to send it again.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, R2dbcException.class})
    ResponseEntity<ProblemDetail> database(Exception e) {
        if (unavailable(e)) {
            log.warn("Refused a request: the database is unavailable ({})", e.toString());
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database is unavailable; nothing was recorded. Send the request again shortly.");
            problem.setTitle("Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        log.error("A request failed in the database", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The database refused the change; nothing was recorded.");
        problem.setTitle("Database error");
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A lost or refused connection, a timeout getting one, or a server shutting down (SQLSTATE 08, 57P). */
    private static boolean unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof R2dbcTimeoutException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof java.nio.channels.ClosedChannelException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && (r2dbc.getSqlState().startsWith("08") || r2dbc.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The field, by JSON path ({@code child.firstName}, {@code flags[0]}), that a JSON reading error is about. */
    static java.util.Optional<String> field(Throwable e) {
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

    /** The path or query parameter a request could not be read for, by the name the API gives it. */
    private static java.util.Optional<String> parameter(ServerWebInputException e) {
        var parameter = e.getMethodParameter();
        if (parameter == null || parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
            return java.util.Optional.empty();
        }
        var query = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        String name = query != null && !query.name().isEmpty() ? query.name()
                : path != null && !path.name().isEmpty() ? path.name()
                : parameter.getParameterName();
        return java.util.Optional.ofNullable(name);
    }

    private static String describe(ServerWebInputException e) {
        var field = field(e);
        var parameter = parameter(e);
        if (field.isEmpty() && parameter.isPresent()) {
            return parameter.get() + " must be " + expected(e.getMethodParameter().getParameterType());
        }
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

    /** What a value of {@code type} must be, in the API's words rather than Java's. */
    static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date like 2015-04-02";
        }
        if (type == java.time.Instant.class) {
            return "an instant like 2026-03-10T17:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        return "an object";
    }
}
