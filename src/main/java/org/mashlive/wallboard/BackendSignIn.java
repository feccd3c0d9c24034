package org.mashlive.wallboard;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs a person in to the wall-board and, with the password still in hand, to the backend: the
 * wall-board's own check of the user first, then the backend's {@code auth.token}. The person is
 * signed in only when both accept; the result keeps the backend's user token ({@link ActingUser}) as
 * its details and no password. See docs/decisions/0009-acting-for-a-person.md.
 */
final class BackendSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(BackendSignIn.class);

    private final AuthenticationProvider local;
    private final DutyBackend backend;
    private final Clock clock;

    BackendSignIn(AuthenticationProvider local, DutyBackend backend, Clock clock) {
        this.local = local;
        this.backend = backend;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Authentication checked = local.authenticate(attempt);
        if (checked == null) {
            return null;
        }
        String password = String.valueOf(attempt.getCredentials());
        ActingUser acting;
        try {
            acting = new ActingUser(backend.signIn(attempt.getName(), password), clock.instant());
        } catch (DutyException e) {
            if (e.kind() == DutyException.Kind.UNREACHABLE) {
                throw new AuthenticationServiceException("The backend did not answer; try again in a moment");
            }
            log.warn("The backend refused the sign-in of {}: {}", attempt.getName(), e.getMessage());
            throw new BadCredentialsException("The backend refused these credentials");
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(checked.getPrincipal(), null,
                checked.getAuthorities());
        signedIn.setDetails(acting);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
