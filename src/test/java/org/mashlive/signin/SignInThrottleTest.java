package org.mashlive.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SignInThrottleTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A clock that stands still until moved. */
    private static final class Hands extends Clock {

        private Instant now = Instant.parse("2026-03-13T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final Hands clock = new Hands();
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Settings(5, MINUTE), clock);

    @Test
    void fiveFailuresInAMinuteLockTheAccountUntilTheFirstIsAMinuteOld() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.refusedFor("duty.lead", "10.0.0." + i)).isEmpty();
            assertThat(throttle.failed("duty.lead", "10.0.0." + i)).isEqualTo(new SignInThrottle.Failure(i, Duration.ZERO));
            clock.advance(Duration.ofSeconds(10));
        }
        var fifth = throttle.failed("duty.lead", "10.0.0.5");
        assertThat(fifth.locked()).isTrue();
        assertThat(fifth.lockedFor()).isEqualTo(Duration.ofSeconds(20));

        assertThat(throttle.refusedFor("duty.lead", "10.0.0.9")).contains(Duration.ofSeconds(20));
        assertThat(throttle.refusedFor("hub.manager", "10.0.0.9")).as("another account, another address").isEmpty();

        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.refusedFor("duty.lead", "10.0.0.9")).isEmpty();
    }

    @Test
    void fiveFailuresFromOneAddressLockItForEveryAccount() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("guess" + i, "192.0.2.7");
        }
        assertThat(throttle.refusedFor("admin", "192.0.2.7")).contains(MINUTE);
        assertThat(throttle.refusedFor("admin", "192.0.2.8")).isEmpty();
    }

    @Test
    void anUnknownAddressIsThrottledPerAccountOnly() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("guess" + i, null);
        }
        assertThat(throttle.refusedFor("admin", null)).isEmpty();
        assertThat(throttle.refusedFor("guess1", null)).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("duty.lead", "10.0.0.1");
        }
        clock.advance(MINUTE);
        assertThat(throttle.failed("duty.lead", "10.0.0.1").failures()).isEqualTo(1);
        assertThat(throttle.refusedFor("duty.lead", "10.0.0.1")).isEmpty();
    }

    @Test
    void settingsThatCouldNotThrottleAreRefused() {
        assertThatThrownBy(() -> new SignInThrottle.Settings(0, MINUTE)).hasMessageContaining("failures");
        assertThatThrownBy(() -> new SignInThrottle.Settings(5, Duration.ZERO)).hasMessageContaining("window");
    }

    @Test
    void theStandInHashHasTheCostMostUsersHave() {
        var cost10 = new BCryptPasswordEncoder(10).encode("a");
        var cost4 = new BCryptPasswordEncoder(4).encode("b");
        assertThat(EqualTime.cost(List.of(cost4, "{bcrypt}" + cost10, cost10))).isEqualTo(10);
        assertThat(EqualTime.cost(List.of("{bcrypt}" + cost4))).isEqualTo(4);
        assertThat(EqualTime.cost(List.of())).isEqualTo(10);
        assertThat(EqualTime.standInHash(List.of(cost4))).startsWith("{bcrypt}$2a$04$");
    }
}
