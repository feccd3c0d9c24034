package org.mashlive.wallboard;

import java.io.Serializable;
import java.time.Instant;

import org.mashlive.board.api.UserToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person signed in to this wall-board session, as the backend knows them: the user token the
 * backend gave at sign-in ({@link BackendSignIn}), never their password. Kept in the session with the
 * person's authentication; the token is replaced when refreshed.
 */
public final class ActingUser implements Serializable {

    private final String username;
    private volatile UserToken token;
    private volatile Instant obtainedAt;
    /**
     * Whether asking for a fresh token can still give a later expiry: not once a refresh has given
     * the same one, because the person's sign-in has reached the backend's session lifetime. Then
     * the token serves until it runs out and the person signs in again.
     */
    private volatile boolean extendable = true;

    public ActingUser(UserToken token, Instant obtainedAt) {
        this.username = token.username();
        this.token = token;
        this.obtainedAt = obtainedAt;
    }

    /**
     * The person signed in on this request's thread, if they signed in with a person's credentials or
     * through the identity provider.
     */
    public static java.util.Optional<ActingUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ProviderSignIn.Person person) {
            // signed in through the identity provider, whose sign-in keeps its own details
            return java.util.Optional.of(person.acting());
        }
        return authentication != null && authentication.getDetails() instanceof ActingUser user
                ? java.util.Optional.of(user)
                : java.util.Optional.empty();
    }

    public String username() {
        return username;
    }

    /** The roles the backend gave the person at sign-in ({@code DUTY_LEAD}). */
    public java.util.List<String> roles() {
        return token.roles() == null ? java.util.List.of() : token.roles();
    }

    UserToken token() {
        return token;
    }

    /**
     * Whether half of the token's life has gone by at {@code now}: time to ask for a new one, unless
     * the last one asked for ran out no later than the one before.
     */
    boolean dueForRefresh(Instant now) {
        if (!extendable) {
            return false;
        }
        Instant half = obtainedAt.plus(java.time.Duration.between(obtainedAt, token.expiresAt()).dividedBy(2));
        return !now.isBefore(half);
    }

    void refreshed(UserToken fresh, Instant at) {
        this.extendable = fresh.expiresAt().isAfter(token.expiresAt());
        this.token = fresh;
        this.obtainedAt = at;
    }

    @Override
    public String toString() {
        return "ActingUser[" + username + "]";
    }
}
