package org.mashlive.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.proc.BadJOSEException;
import org.mashlive.board.api.Access;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

/**
 * The council's identity provider, when one is configured: checks a bearer JWT's signature against
 * the provider's published keys, its issuer, its audience and its times (within the configured clock
 * skew), and maps the values of its roles claim to MASH Live's roles. A token whose claim maps to no
 * role still signs its holder in, so that the refusal can say that it is the role that is missing
 * rather than that the token is bad. See docs/decisions/0025-bearer-tokens-from-the-councils-identity-provider.md.
 */
final class IdentityProvider {

    /** How {@link JwtTimestampValidator} words an expired token. */
    private static final String EXPIRED_AT = "Jwt expired at";

    private final OidcProperties settings;
    private final ReactiveJwtDecoder decoder;
    private final Map<String, List<String>> mapping;

    private IdentityProvider(OidcProperties settings, ReactiveJwtDecoder decoder) {
        this.settings = settings;
        this.decoder = decoder;
        this.mapping = settings == null ? Map.of() : Map.copyOf(settings.roleMapping());
    }

    /** No identity provider: configured users (and the demo's) only. */
    static IdentityProvider none() {
        return new IdentityProvider(null, null);
    }

    /** The provider {@code settings} name, checked so that a wrong setting stops the start, not a sign-in. */
    static IdentityProvider of(OidcProperties settings, Clock clock) {
        if (!settings.configured()) {
            return none();
        }
        String at = "mash.security.oidc";
        if (!StringUtils.hasText(settings.audience())) {
            throw new IllegalStateException(at + ".audience is not set: give the value the provider puts in the "
                    + "aud claim of tokens for MASH Live (its application id or API identifier URI)");
        }
        if (!StringUtils.hasText(settings.rolesClaim())) {
            throw new IllegalStateException(at + ".roles-claim is empty: give roles, groups or a dotted path");
        }
        if (settings.clockSkew().isNegative() || settings.clockSkew().compareTo(OidcProperties.MAX_CLOCK_SKEW) > 0) {
            throw new IllegalStateException(at + ".clock-skew is " + settings.clockSkew() + "; give between 0s and "
                    + OidcProperties.MAX_CLOCK_SKEW.toMinutes() + "m");
        }
        if (settings.roleMapping().isEmpty()) {
            throw new IllegalStateException(at + ".role-mapping is empty: map values of the '" + settings.rolesClaim()
                    + "' claim to MASH Live roles, e.g. " + at + ".role-mapping.mash-duty-leads=DUTY_LEAD");
        }
        settings.roleMapping().forEach((value, roles) -> {
            for (String role : roles) {
                if (!Access.PEOPLE.contains(role) && !Access.INTAKE.equals(role)) {
                    throw new IllegalStateException(at + ".role-mapping." + value + " has '" + role
                            + "'; roles are " + String.join(", ", Access.PEOPLE) + ", " + Access.INTAKE);
                }
            }
        });
        var timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                saying(new JwtIssuerValidator(settings.issuerUri()),
                        "it was not issued by " + settings.issuerUri()),
                saying(new JwtAudienceValidator(settings.audience()),
                        "it is not meant for MASH Live: its audience does not include " + settings.audience())));
        // the keys are fetched from the issuer's discovery document at the first token, not at start-up,
        // so the backend starts while the provider is unreachable and says so at the first sign-in
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
        decoder.setJwtValidator(checks);
        return new IdentityProvider(settings, decoder);
    }

    boolean configured() {
        return settings != null;
    }

    OidcProperties settings() {
        return settings;
    }

    /**
     * The line the start-up log says which sign-in is active with: the provider (or none), how many
     * configured users, and whether the demo's users are on.
     */
    String describe(boolean demo, int configuredUsers) {
        String passwords = configuredUsers + " configured user(s)" + (demo ? " and the demo users" : ", no demo users")
                + " (HTTP Basic, RSocket simple)";
        if (!configured()) {
            return "Sign-in: no identity provider (mash.security.oidc.issuer-uri is not set); " + passwords;
        }
        return "Sign-in: bearer JWTs from the identity provider " + settings.issuerUri() + " (audience "
                + settings.audience() + ", roles from the '" + settings.rolesClaim() + "' claim, "
                + mapping.size() + " mapped value(s), clock skew " + settings.clockSkew().toSeconds() + "s); "
                + passwords;
    }

    /**
     * Signs in a {@link BearerTokenAuthenticationToken}; a token that fails a check is refused with a
     * {@link BadCredentialsException} saying which ({@link #refusal}).
     */
    ReactiveAuthenticationManager authenticationManager() {
        var manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(jwt -> Mono.just(person(jwt)));
        return attempt -> manager.authenticate(attempt)
                .onErrorMap(AuthenticationException.class, e -> new BadCredentialsException(refusal(e), e));
    }

    /**
     * Whether a bearer value is shaped as a signed JWT (three base64url parts, the first a JSON header),
     * rather than a board token: only those go to the provider's check.
     */
    static boolean looksLikeJwt(String value) {
        return value.startsWith("eyJ") && value.chars().filter(c -> c == '.').count() == 2;
    }

    ReactiveJwtDecoder decoder() {
        return decoder;
    }

    AbstractAuthenticationToken person(Jwt jwt) {
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        for (String value : claimValues(jwt)) {
            for (String role : mapping.getOrDefault(value, List.of())) {
                roles.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        String name = jwt.getClaimAsString(settings.usernameClaim());
        return new JwtAuthenticationToken(jwt, roles, StringUtils.hasText(name) ? name : jwt.getSubject());
    }

    /** The name the provider gives the person of {@code jwt}, from the configured display-name claim. */
    java.util.Optional<String> displayName(Jwt jwt) {
        String name = settings == null ? null : jwt.getClaimAsString(settings.displayNameClaim());
        return StringUtils.hasText(name) ? java.util.Optional.of(name.strip()) : java.util.Optional.empty();
    }

    /** Whether {@code caller} signed in with the provider's token but holds no MASH Live role from it. */
    static boolean withoutMappedRole(org.springframework.security.core.Authentication caller) {
        return caller instanceof JwtAuthenticationToken
                && caller.getAuthorities().stream().noneMatch(role -> role.getAuthority().startsWith("ROLE_"));
    }

    /** Why a token with no mapped role is refused, for 403 and RSocket alike. */
    String noMappedRole(String name) {
        return name + " signed in with the identity provider, but the token's '" + settings.rolesClaim()
                + "' claim holds no value mapped to a MASH Live role (mash.security.oidc.role-mapping); "
                + "ask the council's identity administrator to add you to a MASH Live group";
    }

    /**
     * What was wrong with a refused token, in words: expired, wrongly signed, another issuer or
     * audience. Spring Security words every failure alike ("Failed to validate the token"), so the
     * cause is looked for along the exception's chain.
     */
    static String refusal(AuthenticationException e) {
        String lead = "The bearer token was refused: ";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                var reasons = invalid.getErrors().stream().map(OAuth2Error::getDescription)
                        .filter(StringUtils::hasText).map(IdentityProvider::reason).distinct().toList();
                return lead + (reasons.isEmpty() ? "it failed a check" : String.join("; ", reasons));
            }
            if (cause instanceof BadJOSEException) {
                // an unknown key, an algorithm the provider does not use, or a signature that does not
                // verify (a token changed after signing): to the caller all the same
                return lead + "its signature does not match the identity provider's published keys";
            }
        }
        if (e instanceof AuthenticationServiceException) {
            return "The identity provider's keys could not be fetched, so the bearer token cannot be checked";
        }
        return lead + "it is not a well-formed signed JWT";
    }

    private static String reason(String description) {
        int expired = description.indexOf(EXPIRED_AT);
        if (expired >= 0) {
            return "it expired at " + description.substring(expired + EXPIRED_AT.length()).trim()
                    + "; get a new one from the identity provider";
        }
        if (description.contains("Jwt used before")) {
            return "it is not valid yet";
        }
        return description;
    }

    private Collection<String> claimValues(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String part : settings.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        var values = new ArrayList<String>();
        if (value instanceof Collection<?> many) {
            many.forEach(one -> values.add(String.valueOf(one)));
        } else if (value instanceof String one) {
            // some providers give a single role as a string, or several separated by spaces
            values.addAll(List.of(one.trim().split("\\s+")));
        }
        return values;
    }

    /** {@code check}, failing with {@code description} so that the refusal says what was wrong. */
    private static OAuth2TokenValidator<Jwt> saying(OAuth2TokenValidator<Jwt> check, String description) {
        return jwt -> check.validate(jwt).hasErrors()
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null))
                : OAuth2TokenValidatorResult.success();
    }
}
