package org.mashlive.platform;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.rsocket.exceptions.InvalidException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.CodecException;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.HandlerMethod;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.reactive.MessageMappingMessageHandler;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.messaging.handler.DestinationPatternsMessageCondition;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.RouteMatcher;
import org.springframework.web.bind.annotation.ControllerAdvice;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * How every RSocket route refuses what it cannot read or what breaks a rule: an INVALID error
 * ({@link InvalidException}) whose message names the field by JSON path and what it must be, in
 * the API's words (and the route, for a payload it cannot read). A payload that is not JSON, or not the object the route takes, is
 * answered with the shape the route expects, read from the route's payload record, so no error
 * leaks a Java type or class name. A route's own {@code @MessageExceptionHandler} still answers the
 * refusals that only it knows (a conflict, a needed confirmation).
 */
@ControllerAdvice
public class RSocketInputProblems {

    private final ObjectProvider<RSocketMessageHandler> handler;
    private final Map<String, Optional<Class<?>>> payloadTypes = new ConcurrentHashMap<>();

    RSocketInputProblems(ObjectProvider<RSocketMessageHandler> handler) {
        this.handler = handler;
    }

    /**
     * A request that breaks a rule: the field and what it must be, as a person can be shown it (the
     * duty view shows it as it is).
     */
    @MessageExceptionHandler(InvalidInputException.class)
    Mono<Void> invalid(InvalidInputException e) {
        return Mono.error(new InvalidException(e.getMessage()));
    }

    /**
     * A payload that could not be read: not JSON, not an object, a field of the wrong type, or none
     * at all. The reading error arrives as the cause of a {@link MethodArgumentResolutionException}.
     */
    @MessageExceptionHandler({CodecException.class, MethodArgumentResolutionException.class})
    Mono<Void> unreadable(Exception e, @Headers Map<String, Object> headers) {
        String route = route(headers);
        if (headers.get(MessageHeaders.CONTENT_TYPE) instanceof MimeType declared && !readable(declared)) {
            // what is wrong is the connection's data type, not what this payload says
            return Mono.error(new InvalidException(route + ": this connection set up with the data type " + declared
                    + "; payloads are read and sent as application/json or application/cbor"));
        }
        return Mono.error(new InvalidException(route + ": " + describe(e, payloadType(route))));
    }

    /** Whether payloads of {@code declared} are ones the routes read: JSON (any {@code +json} too) or CBOR. */
    static boolean readable(MimeType declared) {
        return MimeTypeUtils.APPLICATION_JSON.isCompatibleWith(declared)
                || new MimeType("application", "*+json").isCompatibleWith(declared)
                || new MimeType("application", "cbor").isCompatibleWith(declared);
    }

    /** What was wrong with the payload, for a route whose payload is {@code type} (when known). */
    static String describe(Throwable e, Optional<Class<?>> type) {
        String shape = type.map(RSocketInputProblems::shape).orElse("a JSON object");
        if (e instanceof MethodArgumentResolutionException && e.getCause() == null) {
            // no payload, or one the decoder read as nothing (text that is not JSON may be)
            return "the payload must be " + shape + "; none could be read";
        }
        Optional<String> field = InputProblems.field(e);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid && field.isPresent()) {
                return field.get() + " must be " + (invalid.getTargetType() == null ? "of another kind"
                        : InputProblems.expected(invalid.getTargetType()));
            }
            if (cause instanceof MismatchedInputException mismatched) {
                if (field.isPresent()) {
                    return field.get() + " must be " + (mismatched.getTargetType() == null ? "of another kind"
                            : InputProblems.expected(mismatched.getTargetType()));
                }
                return "the payload must be " + shape;
            }
            if (cause instanceof JacksonException && !(cause instanceof DatabindException)) {
                return "the payload is not JSON; it must be " + shape;
            }
        }
        return field.map(name -> name + " is invalid; the payload must be " + shape)
                .orElse("the payload could not be read; it must be " + shape);
    }

    /** {@code a JSON object {"reference": text, "staffId": a whole number, …}} for a record; its kind otherwise. */
    static String shape(Class<?> type) {
        if (!type.isRecord()) {
            return InputProblems.expected(type);
        }
        return Arrays.stream(type.getRecordComponents())
                .map(RSocketInputProblems::component)
                .collect(Collectors.joining(", ", "a JSON object {", "}"));
    }

    private static String component(RecordComponent component) {
        return "\"" + component.getName() + "\": " + InputProblems.expected(component.getType());
    }

    private static String route(Map<String, Object> headers) {
        Object destination = headers.get(DestinationPatternsMessageCondition.LOOKUP_DESTINATION_HEADER);
        return destination instanceof RouteMatcher.Route route ? route.value() : "the route";
    }

    /** The type of the payload the route's handler takes, found once per route. */
    private Optional<Class<?>> payloadType(String route) {
        return payloadTypes.computeIfAbsent(route, name -> {
            MessageMappingMessageHandler messages = handler.getIfAvailable();
            if (messages == null) {
                return Optional.empty();
            }
            return messages.getHandlerMethods().entrySet().stream()
                    .filter(mapping -> {
                        var patterns = mapping.getKey().getCondition(DestinationPatternsMessageCondition.class);
                        return patterns != null && patterns.getPatterns().contains(name);
                    })
                    .findFirst()
                    .flatMap(mapping -> payloadOf(mapping.getValue()));
        });
    }

    private static Optional<Class<?>> payloadOf(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(Payload.class)
                        || parameter.getParameterAnnotations().length == 0)
                .map(MethodParameter::getParameterType)
                .filter(type -> !type.getName().startsWith("org.springframework.")
                        && !java.security.Principal.class.isAssignableFrom(type))
                .<Class<?>>map(type -> type)
                .findFirst();
    }
}
