package org.mashlive.board.api;

import java.time.Instant;
import java.util.List;

/**
 * A short-lived credential that lets a client act for a person without keeping their password: sent
 * as RSocket bearer credentials, the backend verifies it and acts as {@code username}.
 *
 * @param token     the opaque token; a secret until {@code expiresAt}
 * @param username  whom it names
 * @param roles     their roles when it was issued (the backend uses their roles at each request)
 * @param expiresAt after which it is refused (UTC)
 */
public record UserToken(String token, String username, List<String> roles, Instant expiresAt) {

    public UserToken {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        // never the secret, in logs or exceptions
        return "UserToken[" + username + " " + roles + " until " + expiresAt + "]";
    }
}
