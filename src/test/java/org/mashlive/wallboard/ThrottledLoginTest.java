package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashlive.signin.SignInThrottle;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login page's throttle, with the wall-board's own password check and a clock the test moves. */
class ThrottledLoginTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-13T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ThrottledLogin login = new ThrottledLogin(check(),
            new SignInThrottle(new SignInThrottle.Settings(5, Duration.ofMinutes(1)), clock), meters);

    private static DaoAuthenticationProvider check() {
        var encoder = new BCryptPasswordEncoder(4);
        var users = new InMemoryUserDetailsManager(List.of(User.withUsername("duty.lead")
                .password(encoder.encode("right")).roles("DUTY_LEAD").build()));
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private static Authentication attempt(String password, String from) {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(from);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated("duty.lead", password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    private double counted(String reason) {
        return meters.get(ThrottledLogin.METER).tag("door", "login").tag("reason", reason).counter().count();
    }

    @Test
    void theSixthAttemptInAMinuteIsRefusedUncheckedAndTheRightPasswordWorksAfterTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("wrong", "192.0.2.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate(attempt("right", "192.0.2.2")))
                .isInstanceOf(LockedException.class).hasMessageContaining("Too many failed sign-ins");

        clock.advance(Duration.ofMinutes(1));
        assertThat(login.authenticate(attempt("right", "192.0.2.2")).isAuthenticated()).isTrue();
        assertThat(counted("bad-credentials")).isEqualTo(5);
        assertThat(counted("throttled")).isEqualTo(1);
    }
}
