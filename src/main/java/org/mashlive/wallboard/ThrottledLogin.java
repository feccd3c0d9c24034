package org.mashlive.wallboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.signin.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login page's sign-in behind the {@link SignInThrottle}, per account and per address (the
 * browser's, as forwarded when forwarded headers are on): an account or address that failed too often
 * lately is refused unchecked; every wrong password is counted in the {@value #METER} meter and
 * logged. The wall-board keeps no database, so its log is where these refusals are kept; a name that
 * passes here is checked again by the backend, which throttles and audits it as its own.
 */
final class ThrottledLogin implements AuthenticationProvider {

    static final String METER = "mash.signin.refused";

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);

    private final AuthenticationProvider signIn;
    private final SignInThrottle throttle;
    private final Counter wrong;
    private final Counter throttled;

    ThrottledLogin(AuthenticationProvider signIn, SignInThrottle throttle, MeterRegistry meters) {
        this.signIn = signIn;
        this.throttle = throttle;
        this.wrong = counter(meters, "bad-credentials");
        this.throttled = counter(meters, "throttled");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        var refused = throttle.refusedFor(account, address);
        if (refused.isPresent()) {
            throttled.increment();
            throw new LockedException("Too many failed sign-ins: try again in "
                    + Math.max(1, (refused.get().toMillis() + 999) / 1000) + " s");
        }
        try {
            return signIn.authenticate(attempt);
        } catch (BadCredentialsException e) {
            var failure = throttle.failed(account, address);
            wrong.increment();
            log.warn("Sign-in on the login page for '{}' from {} refused ({} failures in {}{})", printable(account),
                    address, failure.failures(), throttle.settings().window(),
                    failure.locked() ? "; locked for " + failure.lockedFor().toSeconds() + " s" : "");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return signIn.supports(authentication);
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder(METER).description("Sign-ins refused, by door and reason")
                .tag("door", "login").tag("reason", reason).register(meters);
    }

    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
