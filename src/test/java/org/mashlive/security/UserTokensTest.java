package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

class UserTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-03-10T08:00:00Z");
    private static final byte[] KEY = "a-test-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);

    private static UserTokens at(Instant now, byte[] key) {
        return new UserTokens(key, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsPersonAndRolesUntilItRunsOut() {
        var token = at(ISSUED, KEY).issue("duty.lead", List.of("DUTY_LEAD"));
        assertThat(token.expiresAt()).isEqualTo(ISSUED.plus(Duration.ofHours(12)));
        assertThat(token.toString()).doesNotContain(token.token());

        var claims = at(ISSUED.plus(Duration.ofHours(11)), KEY).verify(token.token());
        assertThat(claims.username()).isEqualTo("duty.lead");
        assertThat(claims.roles()).containsExactly("DUTY_LEAD");
    }

    @Test
    void anExpiredTokenIsRefused() {
        var token = at(ISSUED, KEY).issue("duty.lead", List.of("DUTY_LEAD"));
        assertThatThrownBy(() -> at(ISSUED.plus(Duration.ofHours(12)), KEY).verify(token.token()))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("expired");
    }

    @Test
    void aTamperedTokenOrAnotherKeysIsRefused() {
        var token = at(ISSUED, KEY).issue("hub.manager", List.of("HUB_MANAGER")).token();
        String[] parts = token.split("\\.");
        // claim to be someone else, keeping the signature
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("duty.lead".getBytes(StandardCharsets.UTF_8)) + "." + parts[2] + "." + parts[3] + "."
                + parts[4];
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(forged)).hasMessageContaining("not signed");
        String later = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 86_400) + "."
                + parts[4];
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(later)).hasMessageContaining("not signed");
        byte[] otherKey = "another-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> at(ISSUED, otherKey).verify(token)).hasMessageContaining("not signed");
        assertThatThrownBy(() -> at(ISSUED, KEY).verify("mu1.garbage")).hasMessageContaining("Not a user token");
    }
}
