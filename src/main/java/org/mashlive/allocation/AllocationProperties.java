package org.mashlive.allocation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Allocation settings.
 *
 * @param caseloadLimit open cases a person may hold before a further allocation needs an explicit
 *                      confirmation
 */
@ConfigurationProperties("mash.allocation")
public record AllocationProperties(@DefaultValue("12") int caseloadLimit) {

    public AllocationProperties {
        if (caseloadLimit < 1) {
            throw new IllegalArgumentException("mash.allocation.caseload-limit must be at least 1, was " + caseloadLimit);
        }
    }
}
