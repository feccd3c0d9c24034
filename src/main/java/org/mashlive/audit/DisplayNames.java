package org.mashlive.audit;

import java.util.Optional;

/**
 * How the hub knows an account: its display name, from the configured users (the security module
 * supplies it). An account without one is named by its username.
 */
public interface DisplayNames {

    /** The display name of {@code username}, when one is configured. */
    Optional<String> of(String username);
}
