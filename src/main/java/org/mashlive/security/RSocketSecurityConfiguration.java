package org.mashlive.security;

import java.util.List;

import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.rsocket.authentication.AuthenticationPayloadInterceptor;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;
import org.springframework.security.rsocket.util.matcher.PayloadExchangeAuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * RSocket security of the backend. Boot installs the interceptor built here on its TCP server; the
 * WebSocket route applies the same server customizers, so both transports check the same way.
 *
 * <p>Credentials ({@link RSocketCredentials}) may come with SETUP, for the whole connection, or with
 * each request. The board routes need any of {@link Access#BOARD_READERS}; anything else is refused.
 * A refusal is an error frame whose message says what is missing.
 */
@Configuration(proxyBeanMethods = false)
@EnableRSocketSecurity
class RSocketSecurityConfiguration {

    @Bean
    PayloadSocketAcceptorInterceptor rsocketInterceptor(RSocketSecurity rsocket, ReactiveAuthenticationManager users,
                                                    Accounts accounts) {
        ReactiveAuthenticationManager credentials = authentication -> authentication instanceof BoardToken token
                ? accounts.isBoardToken((String) token.getCredentials())
                        ? Mono.just(token.checked())
                        : Mono.error(new BadCredentialsException("Unknown board token"))
                : users.authenticate(authentication);
        var authenticate = new AuthenticationPayloadInterceptor(credentials);
        authenticate.setAuthenticationConverter(new RSocketCredentials());
        authenticate.setOrder(PayloadInterceptorOrder.AUTHENTICATION.getOrder());
        return rsocket
                .addPayloadInterceptor(authenticate)
                .anonymous(Customizer.withDefaults())
                .authorizePayload(payloads -> payloads
                        .setup().permitAll()
                        .route(BoardRoutes.SNAPSHOT).access(anyOf(BoardRoutes.SNAPSHOT, Access.BOARD_READERS))
                        .route(BoardRoutes.STREAM).access(anyOf(BoardRoutes.STREAM, Access.BOARD_READERS))
                        .anyExchange().denyAll())
                .build();
    }

    /**
     * Allows callers holding any of {@code roles}; refuses others with an error naming the roles, or
     * saying how to sign in.
     */
    static ReactiveAuthorizationManager<PayloadExchangeAuthorizationContext> anyOf(String route, List<String> roles) {
        var authorities = roles.stream().map(role -> "ROLE_" + role).toList();
        return new ReactiveAuthorizationManager<>() {
            @Override
            public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication,
                                                       PayloadExchangeAuthorizationContext context) {
                return authentication
                        .filter(caller -> caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken))
                        .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException(route
                                + " requires signing in: send " + Access.AUTHENTICATION_MIME_TYPE
                                + " metadata (simple or bearer)")))
                        .flatMap(caller -> caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                .anyMatch(authorities::contains)
                                ? Mono.just(new AuthorizationDecision(true))
                                : Mono.error(new org.springframework.security.access.AccessDeniedException(
                                        route + " requires one of " + String.join(", ", roles))));
            }
        };
    }
}
