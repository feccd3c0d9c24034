package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Access;
import org.mashlive.platform.PostgresEndpoint;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The identity provider's settings, checked at start-up so that a mistake stops the start with a
 * message naming the setting; the mapping from a claim's values to roles; the start-up line.
 */
class IdentityProviderTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ISSUER = "https://login.example/tenant/v2.0";

    private static OidcProperties settings(String audience, String claim, Duration skew, Map<String, List<String>> mapping) {
        return new OidcProperties(ISSUER, audience, claim, "preferred_username", "name", skew, mapping);
    }

    private static final Map<String, List<String>> MAPPING = Map.of(
            "leads", List.of(Access.DUTY_LEAD), "admins", List.of(Access.ADMIN, Access.DUTY_LEAD));

    @Test
    void withoutAnIssuerThereIsNoProviderAndTheStartUpLineSaysSo() {
        var none = IdentityProvider.of(new OidcProperties(null, null, "roles", "preferred_username", "name",
                Duration.ofSeconds(30), Map.of()), CLOCK);
        assertThat(none.configured()).isFalse();
        assertThat(none.describe(true, 0)).isEqualTo("Sign-in: no identity provider (mash.security.oidc.issuer-uri "
                + "is not set); 0 configured user(s) and the demo users (HTTP Basic, RSocket simple)");
    }

    @Test
    void theStartUpLineNamesTheProviderItsAudienceAndClaim() {
        var provider = IdentityProvider.of(settings("api://mash", "groups", Duration.ofSeconds(30), MAPPING), CLOCK);
        assertThat(provider.describe(false, 2)).isEqualTo("Sign-in: bearer JWTs from the identity provider " + ISSUER
                + " (audience api://mash, roles from the 'groups' claim, 2 mapped value(s), clock skew 30s); "
                + "2 configured user(s), no demo users (HTTP Basic, RSocket simple)");
    }

    @Test
    void aProviderWithoutAudienceOrMappingOrWithALongSkewDoesNotStart() {
        assertThatThrownBy(() -> IdentityProvider.of(settings(null, "roles", Duration.ofSeconds(30), MAPPING), CLOCK))
                .hasMessageStartingWith("mash.security.oidc.audience is not set");
        assertThatThrownBy(() -> IdentityProvider.of(settings("api://mash", "roles", Duration.ofSeconds(30), Map.of()),
                CLOCK)).hasMessageStartingWith("mash.security.oidc.role-mapping is empty");
        assertThatThrownBy(() -> IdentityProvider.of(settings("api://mash", "roles", Duration.ofMinutes(10), MAPPING),
                CLOCK)).hasMessageStartingWith("mash.security.oidc.clock-skew is PT10M; give between 0s and 5m");
        assertThatThrownBy(() -> IdentityProvider.of(settings("api://mash", "roles", Duration.ofSeconds(30),
                Map.of("leads", List.of("DUTY_LEADER"))), CLOCK))
                .hasMessage("mash.security.oidc.role-mapping.leads has 'DUTY_LEADER'; roles are "
                        + "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR, INTAKE");
    }

    @Test
    void rolesComeFromEveryMappedValueOfTheClaimEvenANestedOne() {
        var provider = IdentityProvider.of(settings("api://mash", "realm_access.roles", Duration.ZERO, MAPPING), CLOCK);
        var person = provider.person(jwt(Map.of("preferred_username", "a.lee",
                "realm_access", Map.of("roles", List.of("offline_access", "leads", "admins")))));
        assertThat(person.getName()).isEqualTo("a.lee");
        assertThat(person.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_DUTY_LEAD", "ROLE_ADMIN");
        assertThat(IdentityProvider.withoutMappedRole(person)).isFalse();
    }

    @Test
    void aTokenWithNoMappedValueSignsInWithoutRolesUnderItsSubjectWhenUnnamed() {
        var provider = IdentityProvider.of(settings("api://mash", "roles", Duration.ZERO, MAPPING), CLOCK);
        var person = provider.person(jwt(Map.of("roles", "readers writers")));
        assertThat(person.getName()).isEqualTo("subject-1");
        assertThat(person.getAuthorities()).isEmpty();
        assertThat(IdentityProvider.withoutMappedRole(person)).isTrue();
    }

    @Test
    void onlyWhatIsShapedAsASignedJwtGoesToTheProvider() {
        assertThat(IdentityProvider.looksLikeJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
        assertThat(IdentityProvider.looksLikeJwt(Access.DEMO_BOARD_TOKEN)).isFalse();
        assertThat(IdentityProvider.looksLikeJwt("mu2.abc.def")).isFalse();
    }

    @Test
    void mappingKeysKeepTheirDotsAndCaseInBrackets() {
        var source = new MapConfigurationPropertySource(Map.of(
                "mash.security.oidc.issuer-uri", ISSUER,
                "mash.security.oidc.audience", "api://mash",
                "mash.security.oidc.role-mapping.[MASH.DutyLead]", "DUTY_LEAD",
                "mash.security.oidc.role-mapping.3f2a9c1e-0b7d-4e2a-9d1c-5a6b7c8d9e0f", "HUB_MANAGER,SERVICE_HEAD"));
        var bound = new Binder(source).bind("mash.security.oidc", OidcProperties.class).get();
        assertThat(bound.roleMapping()).containsOnly(
                Map.entry("MASH.DutyLead", List.of(Access.DUTY_LEAD)),
                Map.entry("3f2a9c1e-0b7d-4e2a-9d1c-5a6b7c8d9e0f", List.of(Access.HUB_MANAGER, Access.SERVICE_HEAD)));
        assertThat(bound.rolesClaim()).isEqualTo("roles");
        assertThat(bound.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anExternalDatabaseNeedsNoConfiguredUserWhenAProviderSignsPeopleIn() {
        var external = new PostgresEndpoint("db", 5432, "mash", "mash", "x", false);
        var accounts = new Accounts(new SignInProperties(List.of(), List.of("board-token-1"), null),
                new DemoProperties(Access.DEMO_PASSWORD), external, true);
        assertThat(accounts.user("duty.lead")).isEmpty();
        assertThat(accounts.isBoardToken("board-token-1")).isTrue();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
