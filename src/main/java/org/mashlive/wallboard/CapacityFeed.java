package org.mashlive.wallboard;

import java.util.Optional;

import org.mashlive.capacity.api.CapacitySummary;

/** The capacity figures as the backend last gave them. */
public interface CapacityFeed {

    /** The latest summary, or empty before the first one arrives. */
    Optional<CapacitySummary> latest();
}
