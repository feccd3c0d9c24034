package org.mashlive.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The council's identity provider (OpenID Connect), whose access tokens the REST API and RSocket
 * accept as bearer JWTs. Off unless {@code issuer-uri} is set.
 *
 * @param issuerUri     the provider's issuer, exactly as its tokens' {@code iss} claim and its
 *                      {@code /.well-known/openid-configuration} give it; the signing keys are found from there
 * @param audience      the value a token's {@code aud} claim must hold: MASH Live's application (client) id
 *                      or the API's identifier URI, as the provider puts it in access tokens for this API
 * @param rolesClaim    the claim holding the person's roles or groups ({@code roles}, {@code groups}, or a
 *                      dotted path such as {@code realm_access.roles}); a list or a single string
 * @param usernameClaim the claim naming the person in the audit trail; {@code sub} when the token lacks it
 * @param displayNameClaim the claim holding the name the hub knows the person by ({@code name}), which the
 *                      audit trail shows beside the username
 * @param clockSkew     how far the provider's clock and this one may disagree on a token's times; at most
 *                      {@link #MAX_CLOCK_SKEW}
 * @param roleMapping   a value of the roles claim (a group's object id, an app role, a realm role) to the
 *                      MASH Live roles it grants
 */
@ConfigurationProperties("mash.security.oidc")
record OidcProperties(String issuerUri, String audience, @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("preferred_username") String usernameClaim,
                      @DefaultValue("name") String displayNameClaim,
                      @DefaultValue("30s") Duration clockSkew,
                      @DefaultValue Map<String, List<String>> roleMapping) {

    /** A longer allowance would let an expired token be used for that much longer. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    boolean configured() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
