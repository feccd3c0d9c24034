package org.mashlive.wallboard;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the board is hearing from the backend: live, or stale since an instant.
 *
 * @param staleSince null while live; otherwise since when the figures on screen may be out of date
 */
record Liveness(Instant staleSince) {

    static final Liveness LIVE = new Liveness(null);

    static Liveness staleSince(Instant since) {
        return new Liveness(Objects.requireNonNull(since));
    }

    boolean live() {
        return staleSince == null;
    }
}
