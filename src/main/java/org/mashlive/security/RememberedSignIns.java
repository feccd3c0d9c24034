package org.mashlive.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a few minutes, that a user name and password were right, so that an API client
 * signing in with HTTP Basic on every request pays for one BCrypt check per few minutes rather
 * than one per request (a BCrypt check costs tens of milliseconds by design). Only successes are
 * remembered, keyed by a SHA-256 of name and password: a wrong password is always checked in full.
 */
final class RememberedSignIns implements ReactiveAuthenticationManager {

    private static final int MOST = 10_000;

    private final ReactiveAuthenticationManager checker;
    private final Duration remember;
    private final Clock clock;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    RememberedSignIns(ReactiveAuthenticationManager checker, Duration remember, Clock clock) {
        this.checker = checker;
        this.remember = remember;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)
                || !(authentication.getCredentials() instanceof String password)) {
            return checker.authenticate(authentication);
        }
        String key = key(authentication.getName(), password);
        Instant now = clock.instant();
        var hit = remembered.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return Mono.just(hit.authentication());
        }
        return checker.authenticate(authentication).doOnNext(signedIn -> {
            if (remembered.size() >= MOST) {
                remembered.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().until()));
                if (remembered.size() >= MOST) {
                    remembered.clear();
                }
            }
            remembered.put(key, new Remembered(UsernamePasswordAuthenticationToken.authenticated(
                    signedIn.getPrincipal(), null, signedIn.getAuthorities()), now.plus(remember)));
        });
    }

    private static String key(String name, String password) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private record Remembered(Authentication authentication, Instant until) {
    }
}
