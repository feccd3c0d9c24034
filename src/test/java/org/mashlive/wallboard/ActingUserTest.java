package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.UserToken;

/** When the duty view swaps its person's token for a fresh one. */
class ActingUserTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-10T08:00:00Z");

    private static UserToken until(Instant expiresAt) {
        return new UserToken("mu2.secret", "duty.lead", List.of("DUTY_LEAD"), expiresAt);
    }

    @Test
    void refreshesOnceHalfTheTokensLifeHasGone() {
        var user = new ActingUser(until(SIGNED_IN.plus(Duration.ofHours(1))), SIGNED_IN);
        assertThat(user.dueForRefresh(SIGNED_IN.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(user.dueForRefresh(SIGNED_IN.plus(Duration.ofMinutes(30)))).isTrue();

        Instant refreshedAt = SIGNED_IN.plus(Duration.ofMinutes(30));
        user.refreshed(until(refreshedAt.plus(Duration.ofHours(1))), refreshedAt);
        assertThat(user.dueForRefresh(refreshedAt.plus(Duration.ofMinutes(29)))).isFalse();
        assertThat(user.dueForRefresh(refreshedAt.plus(Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    void stopsAskingOnceARefreshNoLongerExtendsTheSignIn() {
        Instant sessionEnd = SIGNED_IN.plus(Duration.ofHours(3));
        var user = new ActingUser(until(sessionEnd.minus(Duration.ofMinutes(20))), SIGNED_IN);
        Instant first = sessionEnd.minus(Duration.ofMinutes(40));
        user.refreshed(until(sessionEnd), first);
        Instant second = sessionEnd.minus(Duration.ofMinutes(10));
        assertThat(user.dueForRefresh(second)).as("the refresh gave a later expiry: worth asking again").isTrue();

        // the backend gives the same expiry: the sign-in has reached its lifetime
        user.refreshed(until(sessionEnd), second);
        assertThat(user.dueForRefresh(sessionEnd.minusSeconds(1))).isFalse();
        assertThat(user.token().expiresAt()).isEqualTo(sessionEnd);
    }
}
