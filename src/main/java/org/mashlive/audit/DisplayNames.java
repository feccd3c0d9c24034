package org.mashlive.audit;

import java.util.Optional;

/**
 * How the hub knows an account: its display name, from the configured users or from the identity
 * provider's sign-in (the security module supplies it). An account without one is named by its username.
 */
public interface DisplayNames {

    /** The display name of {@code username}, when one is configured. */
    Optional<String> of(String username);

    /**
     * The display name of the person {@code signedIn} is: a person the council's identity provider
     * signed in brings their name with them, as the configuration does not know them.
     */
    default Optional<String> of(org.springframework.security.core.Authentication signedIn) {
        return of(signedIn.getName());
    }
}
