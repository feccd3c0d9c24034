package org.mashlive.quality;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Professional disagreements ({@code mash.escalations.*}).
 *
 * @param alertAfterWorkingDays how many working days one may stay open before it is overdue: the
 *                              capacity view marks it and the {@code MashEscalationOpenTooLong} alert fires;
 *                              by default 5
 * @param refresh               how often the meters read the open ones again; by default a minute
 */
@ConfigurationProperties("mash.escalations")
record EscalationProperties(Double alertAfterWorkingDays, Duration refresh) {

    EscalationProperties {
        alertAfterWorkingDays = alertAfterWorkingDays == null ? 5.0 : alertAfterWorkingDays;
        if (!(alertAfterWorkingDays > 0)) {
            throw new IllegalArgumentException("mash.escalations.alert-after-working-days must be more than 0, it was "
                    + alertAfterWorkingDays);
        }
        refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
    }
}
