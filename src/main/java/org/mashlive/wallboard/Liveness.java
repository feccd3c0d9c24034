package org.mashlive.wallboard;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the board is hearing from the backend: live, or stale since an instant.
 *
 * @param staleSince null while live; otherwise since when the figures on screen may be out of date
 */
public record Liveness(Instant staleSince) {

    public static final Liveness LIVE = new Liveness(null);

    public static Liveness staleSince(Instant since) {
        return new Liveness(Objects.requireNonNull(since));
    }

    public boolean live() {
        return staleSince == null;
    }
}
