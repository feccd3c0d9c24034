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
 * with a password, a new sign-in; asked with the identity provider's access token, a new sign-in of
 * the person the provider names, with the roles their token maps to; asked with a user token, a
 * renewal that keeps that token's sign-in time, so renewing never makes a sign-in last longer than
 * the session lifetime.
 */
@Controller
class UserTokenController {

    private final UserTokens tokens;
    private final IdentityProvider provider;

    UserTokenController(UserTokens tokens, IdentityProvider provider) {
        this.tokens = tokens;
        this.provider = provider;
    }

    @MessageMapping(Access.TOKEN_ROUTE)
    Mono<UserToken> token() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .map(person -> {
                    if (person.getDetails() instanceof UserTokens.Claims current) {
                        return tokens.renew(current, roles(person.getAuthorities()));
                    }
                    if (person instanceof JwtAuthenticationToken signedIn) {
                        // a client acting for a person the provider signed in (the wall-board's duty view):
                        // the token names them as the audit trail does, with the provider's subject and name
                        return tokens.issueForProvider(signedIn.getName(), subject(signedIn),
                                provider.displayName(signedIn.getToken()).orElse(null), roles(person.getAuthorities()));
                    }
                    return tokens.issue(person.getName(), roles(person.getAuthorities()));
                });
    }

    private static String subject(JwtAuthenticationToken signedIn) {
        String subject = signedIn.getToken().getSubject();
        return subject == null || subject.isBlank() ? signedIn.getName() : subject;
    }

    private static List<String> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("ROLE_")).map(name -> name.substring("ROLE_".length())).toList();
    }
}
