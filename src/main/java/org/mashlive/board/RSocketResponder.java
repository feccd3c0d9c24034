package org.mashlive.board;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.rsocket.Payload;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.rsocket.autoconfigure.RSocketMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.reactive.HandlerMethodReturnValueHandler;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.messaging.rsocket.annotation.support.RSocketPayloadReturnValueHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Boot's RSocket message handler, made as Boot makes it (its strategies, its customizers), with one
 * more kind of answer: a route that returns {@code Flux<Payload>} has its payloads sent as they
 * are, already encoded.
 *
 * <p>Spring's own answer encodes each item, and for as long as a stream lasts it keeps what it
 * needed to do so: the invocation, its argument-resolver cache (about 2 KB) and an operator that
 * waits for the first item. For {@code board.stream}, which encodes once for all subscribers and
 * lasts as long as a screen is on, that was a tenth of what each subscriber cost.
 */
@Configuration(proxyBeanMethods = false)
class RSocketResponder {

    @Bean
    RSocketMessageHandler messageHandler(RSocketStrategies strategies,
                                         ObjectProvider<RSocketMessageHandlerCustomizer> customizers) {
        var handler = new Handler();
        handler.setRSocketStrategies(strategies);
        customizers.orderedStream().forEach(customizer -> customizer.customize(handler));
        return handler;
    }

    /** Answers with the payloads of a {@code Flux<Payload>} first, and everything else as Spring does. */
    static final class Handler extends RSocketMessageHandler {

        @Override
        protected List<? extends HandlerMethodReturnValueHandler> initReturnValueHandlers() {
            var handlers = new ArrayList<HandlerMethodReturnValueHandler>();
            handlers.add(new Payloads());
            handlers.addAll(super.initReturnValueHandlers());
            return handlers;
        }
    }

    /** Hands a route's {@code Flux<Payload>} to RSocket as the answer, keeping nothing of the call. */
    static final class Payloads implements HandlerMethodReturnValueHandler {

        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            var type = ResolvableType.forMethodParameter(returnType);
            return Flux.class.equals(type.resolve()) && Payload.class.equals(type.getGeneric(0).resolve());
        }

        @Override
        @SuppressWarnings("unchecked")
        public Mono<Void> handleReturnValue(Object returnValue, MethodParameter returnType, Message<?> message) {
            var response = (AtomicReference<Flux<Payload>>) message.getHeaders()
                    .get(RSocketPayloadReturnValueHandler.RESPONSE_HEADER);
            if (response == null) {
                return Mono.error(new IllegalStateException("a stream of payloads answers only a request-stream"));
            }
            response.set(returnValue == null ? Flux.empty() : (Flux<Payload>) returnValue);
            return Mono.empty();
        }
    }
}
