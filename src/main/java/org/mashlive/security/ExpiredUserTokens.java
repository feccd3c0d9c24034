package org.mashlive.security;

import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.api.PayloadInterceptor;
import org.springframework.security.rsocket.api.PayloadInterceptorChain;
import reactor.core.publisher.Mono;

/**
 * Refuses each request of a connection that signed in at SETUP with a user token once that token
 * has run out. The token is verified once at SETUP, and the connection then keeps the person it
 * named for all its requests; without this check a connection opened a minute before the expiry
 * would act for the person as long as it stays open. The refusal is an error frame that says the
 * token expired; the client signs in again (or sends a fresh token with each request).
 */
final class ExpiredUserTokens implements PayloadInterceptor, Ordered {

    private final UserTokens tokens;

    ExpiredUserTokens(UserTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> intercept(PayloadExchange exchange, PayloadInterceptorChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .mapNotNull(caller -> caller.getDetails() instanceof UserTokens.Claims claims ? claims : null)
                .doOnNext(tokens::refuseWhenExpired)
                .then(Mono.defer(() -> chain.next(exchange)));
    }

    /** After the caller is known (authentication, anonymous), before the route's rules are checked. */
    @Override
    public int getOrder() {
        return PayloadInterceptorOrder.AUTHORIZATION.getOrder() - 1;
    }
}
