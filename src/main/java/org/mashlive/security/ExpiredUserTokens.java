package org.mashlive.security;

import java.time.Clock;
import java.time.Instant;

import org.springframework.core.Ordered;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.api.PayloadInterceptor;
import org.springframework.security.rsocket.api.PayloadInterceptorChain;
import reactor.core.publisher.Mono;

/**
 * Refuses each request of a connection that signed in at SETUP with a user token, or an identity
 * provider's token, once that token has run out. The token is verified once at SETUP, and the connection then keeps the person it
 * named for all its requests; without this check a connection opened a minute before the expiry
 * would act for the person as long as it stays open. The refusal is an error frame that says the
 * token expired; the client signs in again (or sends a fresh token with each request).
 */
final class ExpiredUserTokens implements PayloadInterceptor, Ordered {

    private final UserTokens tokens;
    private final Clock clock;

    ExpiredUserTokens(UserTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Mono<Void> intercept(PayloadExchange exchange, PayloadInterceptorChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .doOnNext(caller -> {
                    if (caller.getDetails() instanceof UserTokens.Claims claims) {
                        tokens.refuseWhenExpired(claims);
                    } else if (caller instanceof JwtAuthenticationToken jwt) {
                        refuseWhenExpired(jwt);
                    }
                })
                .then(Mono.defer(() -> chain.next(exchange)));
    }

    /**
     * The same for an identity provider's token given at SETUP: its expiry is checked (with the
     * configured skew) when the connection signs in, and again here at each request, without skew,
     * since the connection may outlive it by hours.
     */
    private void refuseWhenExpired(JwtAuthenticationToken jwt) {
        Instant expires = jwt.getToken().getExpiresAt();
        if (expires != null && !clock.instant().isBefore(expires)) {
            throw new CredentialsExpiredException("The bearer token expired at " + expires
                    + "; sign in again with a new token from the identity provider");
        }
    }

    /** After the caller is known (authentication, anonymous), before the route's rules are checked. */
    @Override
    public int getOrder() {
        return PayloadInterceptorOrder.AUTHORIZATION.getOrder() - 1;
    }
}
