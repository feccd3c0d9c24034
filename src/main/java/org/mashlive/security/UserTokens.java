package org.mashlive.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.mashlive.board.api.UserToken;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Issues and verifies user tokens: {@code mu1.<name>.<roles>.<expiry>.<signature>}, the name and roles
 * in base64url, the expiry in epoch seconds, signed with HMAC-SHA256 over all that precedes the
 * signature. Stateless, so any backend instance with the same key verifies any instance's tokens; a
 * token cannot be revoked before it runs out, but the person it names must still be a user with a
 * person's role at each request (see {@link RSocketSecurityConfiguration}).
 */
final class UserTokens {

    static final String PREFIX = "mu1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /**
     * What a valid token says.
     *
     * @param username whom it names
     * @param roles    the roles it was issued with
     * @param expiresAt when it runs out
     */
    record Claims(String username, List<String> roles, Instant expiresAt) {
    }

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    UserTokens(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalStateException("mash.security.user-tokens.secret must be at least 32 characters");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("mash.security.user-tokens.lifetime must be positive");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.lifetime = lifetime;
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
        return new UserTokens(secret, settings.lifetime(), clock);
    }

    /** Whether {@code token} has the shape of a user token (it may still be invalid). */
    static boolean looksLikeUserToken(String token) {
        return token.startsWith(PREFIX);
    }

    /** A new token for {@code username}, valid for the configured lifetime from now. */
    UserToken issue(String username, List<String> roles) {
        Instant expiresAt = clock.instant().plus(lifetime);
        String body = PREFIX + ENCODE.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODE.encodeToString(String.join(",", roles).getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        return new UserToken(body + "." + ENCODE.encodeToString(sign(body)), username, roles, expiresAt);
    }

    /**
     * What {@code token} says.
     *
     * @throws BadCredentialsException when it is malformed, not signed with this key, or expired
     */
    Claims verify(String token) {
        int last = token.lastIndexOf('.');
        String[] parts = token.split("\\.", -1);
        if (!looksLikeUserToken(token) || parts.length != 5 || last < 0) {
            throw new BadCredentialsException("Not a user token");
        }
        byte[] given;
        try {
            given = DECODE.decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("User token not signed by this service");
        }
        if (!MessageDigest.isEqual(sign(token.substring(0, last)), given)) {
            throw new BadCredentialsException("User token not signed by this service");
        }
        Instant expiresAt;
        String username;
        List<String> roles;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            username = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8);
            String joined = new String(DECODE.decode(parts[2]), StandardCharsets.UTF_8);
            roles = joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Not a user token");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new BadCredentialsException("User token expired at " + expiresAt + "; sign in again");
        }
        return new Claims(username, List.copyOf(roles), expiresAt);
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
