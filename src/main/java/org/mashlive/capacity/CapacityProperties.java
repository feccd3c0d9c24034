package org.mashlive.capacity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Capacity figures.
 *
 * @param refresh how often the staffing and partner-request meters are read afresh; default 30 s
 */
@ConfigurationProperties("mash.capacity")
record CapacityProperties(@DefaultValue("30s") Duration refresh) {

    CapacityProperties {
        if (refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("mash.capacity.refresh must be positive, was " + refresh);
        }
    }
}
