package org.mashlive.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.mashlive.board.api.UserToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;

/**
 * Issues and verifies user tokens: {@code mu2.<name>.<roles>.<signed-in>.<expiry>.<signature>}, the
 * name and roles in base64url, the times in epoch seconds, signed with HMAC-SHA256 over all that
 * precedes the signature. Stateless, so any backend instance with the same key verifies any
 * instance's tokens; a token cannot be revoked before it runs out, but the person it names must
 * still be a user with a person's role at each request (see {@link RSocketSecurityConfiguration}).
 *
 * <p>A token may be swapped for a fresh one ({@link #renew}), which keeps the time its person signed
 * in with a password: no token, however often renewed, is valid longer than the session lifetime
 * after that sign-in. Without that bound a stolen token would renew itself for ever.
 *
 * <p>A person the council's identity provider signed in gets a token of its own shape,
 * {@code mp1.<name>.<roles>.<signed-in>.<expiry>.<subject>.<display name>.<signature>}: it carries the
 * provider's subject and the name the provider gives them, since the configured users do not know
 * them, and its roles are those the provider's token mapped to when it was issued. The prefix keeps
 * the two apart, so that no provider's user can pass for a configured user of the same name.
 */
final class UserTokens {

    static final String PREFIX = "mu2.";
    /** A token for a person the identity provider signed in. */
    static final String PROVIDER_PREFIX = "mp1.";
    /** Tokens of the format before sign-in times were kept: refused, their person signs in again. */
    private static final String EARLIER = "mu1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /**
     * What a valid token says.
     *
     * @param username   whom it names
     * @param roles      the roles it was issued with
     * @param signedInAt when its person signed in with a password, however often it was renewed since
     * @param expiresAt  when it runs out
     * @param subject     the identity provider's subject for the person; null for a configured user
     * @param displayName the name the identity provider gives the person; null for a configured user
     */
    record Claims(String username, List<String> roles, Instant signedInAt, Instant expiresAt, String subject,
                  String displayName) {

        Claims(String username, List<String> roles, Instant signedInAt, Instant expiresAt) {
            this(username, roles, signedInAt, expiresAt, null, null);
        }

        /** Whether the identity provider signed this person in, rather than a configured user's password. */
        boolean fromProvider() {
            return subject != null;
        }
    }

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Duration sessionLifetime;
    private final Clock clock;

    UserTokens(byte[] secret, Duration lifetime, Duration sessionLifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalStateException("mash.security.user-tokens.secret must be at least 32 characters");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("mash.security.user-tokens.lifetime must be positive");
        }
        if (sessionLifetime.compareTo(lifetime) < 0) {
            throw new IllegalStateException("mash.security.user-tokens.session-lifetime must be at least "
                    + "mash.security.user-tokens.lifetime");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.lifetime = lifetime;
        this.sessionLifetime = sessionLifetime;
        this.clock = clock;
    }

    /** With the configured key, or a random one for this process when none is configured. */
    static UserTokens of(UserTokenProperties settings, Clock clock) {
        byte[] secret;
        if (settings.secret() == null || settings.secret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        }
        return new UserTokens(secret, settings.lifetime(), settings.sessionLifetime(), clock);
    }

    /** Whether {@code token} has the shape of a user token (it may still be invalid). */
    static boolean looksLikeUserToken(String token) {
        return token.startsWith(PREFIX) || token.startsWith(PROVIDER_PREFIX) || token.startsWith(EARLIER);
    }

    /** A new token for {@code username}, who has just signed in with their password. */
    UserToken issue(String username, List<String> roles) {
        return issue(new Claims(username, roles, clock.instant(), null), clock.instant());
    }

    /**
     * A new token for a person the identity provider has just signed in: {@code username} as the
     * audit trail names them, the provider's {@code subject} and {@code displayName}, and the roles
     * the provider's token mapped to.
     */
    UserToken issueForProvider(String username, String subject, String displayName, List<String> roles) {
        Instant now = clock.instant();
        return issue(new Claims(username, roles, now, null, subject, displayName), now);
    }

    /**
     * A fresh token for the person {@code current} names, with the sign-in time of {@code current}:
     * valid for the configured lifetime from now, but never beyond the session lifetime after that
     * sign-in.
     *
     * @throws CredentialsExpiredException when the session lifetime has gone by
     */
    UserToken renew(Claims current, List<String> roles) {
        refuseWhenSessionOver(current.signedInAt());
        return issue(new Claims(current.username(), roles, current.signedInAt(), null, current.subject(),
                current.displayName()), current.signedInAt());
    }

    /** A token saying what {@code claims} say but its expiry, which is worked out here. */
    private UserToken issue(Claims claims, Instant signedInAt) {
        // whole seconds, as the token carries them, so that what the caller is told is what is checked
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = min(now.plus(lifetime), signedInAt.truncatedTo(ChronoUnit.SECONDS).plus(sessionLifetime));
        String body = (claims.fromProvider() ? PROVIDER_PREFIX : PREFIX) + text(claims.username()) + "."
                + text(String.join(",", claims.roles())) + "."
                + signedInAt.getEpochSecond() + "." + expiresAt.getEpochSecond()
                + (claims.fromProvider()
                ? "." + text(claims.subject()) + "." + text(claims.displayName() == null ? "" : claims.displayName())
                : "");
        return new UserToken(body + "." + ENCODE.encodeToString(sign(body)), claims.username(), claims.roles(),
                expiresAt);
    }

    private static String text(String value) {
        return ENCODE.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses a token that has run out, for a connection that signed in with it once and keeps
     * using it: the same words as {@link #verify} for a token sent with a request.
     *
     * @throws CredentialsExpiredException when {@code claims} have run out
     */
    void refuseWhenExpired(Claims claims) {
        refuseWhenSessionOver(claims.signedInAt());
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new CredentialsExpiredException("User token expired at " + claims.expiresAt() + "; sign in again");
        }
    }

    private void refuseWhenSessionOver(Instant signedInAt) {
        Instant over = signedInAt.plus(sessionLifetime);
        if (!clock.instant().isBefore(over)) {
            throw new CredentialsExpiredException("User token expired at " + over + ": a sign-in lasts at most "
                    + hours(sessionLifetime) + ", however often its token is renewed; sign in again");
        }
    }

    private static String hours(Duration duration) {
        return duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0
                ? duration.toHours() + " h"
                : duration.toMinutes() + " min";
    }

    private static Instant min(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    /**
     * What {@code token} says.
     *
     * @throws BadCredentialsException     when it is malformed or not signed with this key
     * @throws CredentialsExpiredException when it has run out, or its sign-in is older than the session
     *                                     lifetime
     */
    Claims verify(String token) {
        if (token.startsWith(EARLIER)) {
            throw new BadCredentialsException("User token of an earlier version of this service; sign in again");
        }
        int last = token.lastIndexOf('.');
        String[] parts = token.split("\\.", -1);
        boolean provider = token.startsWith(PROVIDER_PREFIX);
        if (!(token.startsWith(PREFIX) && parts.length == 6 || provider && parts.length == 8) || last < 0) {
            throw new BadCredentialsException("Not a user token");
        }
        byte[] given;
        try {
            given = DECODE.decode(parts[parts.length - 1]);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("User token not signed by this service");
        }
        if (!MessageDigest.isEqual(sign(token.substring(0, last)), given)) {
            throw new BadCredentialsException("User token not signed by this service");
        }
        Instant signedInAt;
        Instant expiresAt;
        String username;
        List<String> roles;
        String subject = null;
        String displayName = null;
        try {
            signedInAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            username = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8);
            String joined = new String(DECODE.decode(parts[2]), StandardCharsets.UTF_8);
            roles = joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
            if (provider) {
                subject = new String(DECODE.decode(parts[5]), StandardCharsets.UTF_8);
                displayName = new String(DECODE.decode(parts[6]), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Not a user token");
        }
        var claims = new Claims(username, List.copyOf(roles), signedInAt, expiresAt, subject,
                displayName == null || displayName.isEmpty() ? null : displayName);
        refuseWhenExpired(claims);
        return claims;
    }

    private byte[] sign(String body) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
