package org.mashlive.security;

import java.util.List;

import org.mashlive.board.api.Access;
import org.mashlive.board.api.UserToken;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@value Access#TOKEN_ROUTE}: a user token for the signed-in person (see {@link UserTokens}). Asked
 * with a password, a new sign-in; asked with a user token, a renewal that keeps that token's sign-in
 * time, so renewing never makes a sign-in last longer than the session lifetime.
 */
@Controller
class UserTokenController {

    private final UserTokens tokens;

    UserTokenController(UserTokens tokens) {
        this.tokens = tokens;
    }

    @MessageMapping(Access.TOKEN_ROUTE)
    Mono<UserToken> token() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                // a user token would name someone the backend's own users do not know, and be refused
                // at its first use: a client of the identity provider sends the provider's token itself
                .filter(person -> !(person instanceof JwtAuthenticationToken))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No user token for a person the identity "
                        + "provider signed in: send the provider's access token as bearer credentials instead")))
                .map(person -> person.getDetails() instanceof UserTokens.Claims current
                        ? tokens.renew(current, roles(person.getAuthorities()))
                        : tokens.issue(person.getName(), roles(person.getAuthorities())));
    }

    private static List<String> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_")).map(name -> name.substring("ROLE_".length())).toList();
    }
}
