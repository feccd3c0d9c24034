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
import org.springframework.security.authentication.CredentialsExpiredException;

class UserTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-03-10T08:00:00Z");
    private static final byte[] KEY = "a-test-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);

    private static UserTokens at(Instant now, byte[] key) {
        return new UserTokens(key, Duration.ofHours(12), Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Tokens valid for an hour, renewable until 3 h after the password sign-in. */
    private static UserTokens renewableAt(Instant now) {
        return new UserTokens(KEY, Duration.ofHours(1), Duration.ofHours(3), Clock.fixed(now, ZoneOffset.UTC));
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
                .isInstanceOf(CredentialsExpiredException.class).hasMessageContaining("expired")
                .hasMessageContaining("sign in again");
    }

    @Test
    void aRenewedTokenKeepsTheSignInTimeAndRunsOutWithTheSession() {
        var signedIn = renewableAt(ISSUED).issue("duty.lead", List.of("DUTY_LEAD"));
        assertThat(signedIn.expiresAt()).isEqualTo(ISSUED.plus(Duration.ofHours(1)));

        Instant halfPast = ISSUED.plus(Duration.ofMinutes(30));
        var claims = renewableAt(halfPast).verify(signedIn.token());
        assertThat(claims.signedInAt()).isEqualTo(ISSUED);
        var renewed = renewableAt(halfPast).renew(claims, List.of("DUTY_LEAD"));
        assertThat(renewed.expiresAt()).isEqualTo(halfPast.plus(Duration.ofHours(1)));
        assertThat(renewableAt(halfPast).verify(renewed.token()).signedInAt()).isEqualTo(ISSUED);

        // renewed again and again: never beyond 3 h after the sign-in
        var token = renewed;
        for (int minutes = 60; minutes < 180; minutes += 30) {
            Instant now = ISSUED.plus(Duration.ofMinutes(minutes));
            token = renewableAt(now).renew(renewableAt(now).verify(token.token()), List.of("DUTY_LEAD"));
            assertThat(token.expiresAt()).isBeforeOrEqualTo(ISSUED.plus(Duration.ofHours(3)));
        }
        assertThat(token.expiresAt()).isEqualTo(ISSUED.plus(Duration.ofHours(3)));
        Instant justBefore = ISSUED.plus(Duration.ofHours(3)).minusSeconds(1);
        assertThat(renewableAt(justBefore).verify(token.token()).username()).isEqualTo("duty.lead");

        var last = token;
        Instant over = ISSUED.plus(Duration.ofHours(3));
        assertThatThrownBy(() -> renewableAt(over).verify(last.token()))
                .isInstanceOf(CredentialsExpiredException.class).hasMessageContaining("sign in again");
        var stillValidClaims = renewableAt(justBefore).verify(last.token());
        assertThatThrownBy(() -> renewableAt(over).renew(stillValidClaims, List.of("DUTY_LEAD")))
                .isInstanceOf(CredentialsExpiredException.class)
                .hasMessageContaining("a sign-in lasts at most 3 h").hasMessageContaining("sign in again");
    }

    @Test
    void aTokenFromAnEarlierSignInIsRefusedWhenTheSessionLifetimeIsShortened() {
        var token = at(ISSUED, KEY).issue("duty.lead", List.of("DUTY_LEAD"));
        // a key the same, a session lifetime shortened to 3 h since the token was issued for 12
        var shorter = new UserTokens(KEY, Duration.ofHours(1), Duration.ofHours(3),
                Clock.fixed(ISSUED.plus(Duration.ofHours(4)), ZoneOffset.UTC));
        assertThatThrownBy(() -> shorter.verify(token.token())).isInstanceOf(CredentialsExpiredException.class);
    }

    @Test
    void aSessionShorterThanATokenIsAMistake() {
        assertThatThrownBy(() -> new UserTokens(KEY, Duration.ofHours(12), Duration.ofHours(1), Clock.systemUTC()))
                .hasMessageContaining("session-lifetime must be at least");
    }

    @Test
    void aTamperedTokenOrAnotherKeysIsRefused() {
        var token = at(ISSUED, KEY).issue("hub.manager", List.of("HUB_MANAGER")).token();
        String[] parts = token.split("\\.");
        // claim to be someone else, keeping the signature
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("duty.lead".getBytes(StandardCharsets.UTF_8)) + "." + parts[2] + "." + parts[3] + "."
                + parts[4] + "." + parts[5];
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(forged)).hasMessageContaining("not signed");
        String later = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "."
                + (Long.parseLong(parts[4]) + 86_400) + "." + parts[5];
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(later)).hasMessageContaining("not signed");
        // a later sign-in time, to renew beyond the session lifetime
        String signedInLater = parts[0] + "." + parts[1] + "." + parts[2] + "." + (Long.parseLong(parts[3]) + 86_400)
                + "." + parts[4] + "." + parts[5];
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(signedInLater)).hasMessageContaining("not signed");
        byte[] otherKey = "another-key-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> at(ISSUED, otherKey).verify(token)).hasMessageContaining("not signed");
        assertThatThrownBy(() -> at(ISSUED, KEY).verify("mu2.garbage")).hasMessageContaining("Not a user token");
        assertThatThrownBy(() -> at(ISSUED, KEY).verify("mu1.ZHV0eS5sZWFk.RFVUWV9MRUFE.1773172800.c2ln"))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("earlier version");
    }

    @Test
    void aTokenForAPersonTheProviderSignedInCarriesTheirSubjectAndNameAndKeepsThemOnRenewal() {
        var signedIn = renewableAt(ISSUED).issueForProvider("j.okafor@council.example", "sub-7f3a", "Jo Okafor",
                List.of("DUTY_LEAD"));
        assertThat(signedIn.token()).startsWith(UserTokens.PROVIDER_PREFIX);
        assertThat(signedIn.username()).isEqualTo("j.okafor@council.example");

        Instant halfPast = ISSUED.plus(Duration.ofMinutes(30));
        var claims = renewableAt(halfPast).verify(signedIn.token());
        assertThat(claims.fromProvider()).isTrue();
        assertThat(claims.subject()).isEqualTo("sub-7f3a");
        assertThat(claims.displayName()).isEqualTo("Jo Okafor");
        assertThat(claims.roles()).containsExactly("DUTY_LEAD");

        var renewed = renewableAt(halfPast).verify(renewableAt(halfPast).renew(claims, claims.roles()).token());
        assertThat(renewed.subject()).isEqualTo("sub-7f3a");
        assertThat(renewed.displayName()).isEqualTo("Jo Okafor");
        assertThat(renewed.signedInAt()).isEqualTo(ISSUED);
        // a configured user's token says nothing of a provider
        assertThat(renewableAt(halfPast).verify(renewableAt(ISSUED).issue("duty.lead", List.of("DUTY_LEAD")).token())
                .fromProvider()).isFalse();
    }

    @Test
    void aProvidersPersonCannotBeMadeIntoAConfiguredUserOrRenamed() {
        var token = at(ISSUED, KEY).issueForProvider("admin", "sub-1", "Kim Reed", List.of("DUTY_LEAD")).token();
        String[] parts = token.split("\\.");
        // the same body under the configured users' prefix, or with another name, no longer matches its signature
        String asConfigured = UserTokens.PREFIX + token.substring(UserTokens.PROVIDER_PREFIX.length());
        parts[6] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("Chris Lee".getBytes());
        String renamed = String.join(".", parts);
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(asConfigured)).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> at(ISSUED, KEY).verify(renamed)).isInstanceOf(BadCredentialsException.class)
                .hasMessage("User token not signed by this service");
    }
}
