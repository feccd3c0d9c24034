package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class RememberedSignInsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    private RememberedSignIns signIns() {
        var encoder = new BCryptPasswordEncoder(4);
        var users = new MapReactiveUserDetailsService(User.withUsername("duty.lead")
                .password(encoder.encode("right")).roles("DUTY_LEAD").build());
        var real = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        real.setPasswordEncoder(encoder);
        var clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new RememberedSignIns(authentication -> {
            checks.incrementAndGet();
            return real.authenticate(authentication);
        }, Duration.ofMinutes(5), clock);
    }

    private static UsernamePasswordAuthenticationToken basic(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("duty.lead", password);
    }

    @Test
    void aRightPasswordIsCheckedOnceInFiveMinutesAndAWrongOneEveryTime() {
        var signIns = signIns();
        var first = signIns.authenticate(basic("right")).block();
        var second = signIns.authenticate(basic("right")).block();
        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("duty.lead");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DUTY_LEAD");
        assertThat(second.getCredentials()).isNull();
        assertThat(checks).hasValue(1);

        assertThatThrownBy(() -> signIns.authenticate(basic("wrong")).block()).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIns.authenticate(basic("wrong")).block()).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);

        now = now.plus(Duration.ofMinutes(5));
        signIns.authenticate(basic("right")).block();
        assertThat(checks).hasValue(4);
    }
}
