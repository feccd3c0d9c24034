package org.mashlive.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How concurrent intakes are grouped into one transaction ({@code mash.intake.group.*},
 * docs/decisions/0031-group-commit-of-intakes.md).
 *
 * @param maxSize the most contacts in one transaction, 64 by default; 1 takes each contact in its
 *                own transaction, one after the other as they come, exactly as without grouping
 * @param maxWait how long a group, formed at a busy moment, is held open for more contacts to join
 *                it; 0 (the default) never waits: a group holds what queued while the one before
 *                it committed. A contact arriving when nothing else is queued never waits
 */
@ConfigurationProperties("mash.intake.group")
record IntakeGroupProperties(Integer maxSize, Duration maxWait) {

    static final int DEFAULT_MAX_SIZE = 64;

    IntakeGroupProperties {
        maxSize = maxSize == null ? DEFAULT_MAX_SIZE : maxSize;
        maxWait = maxWait == null ? Duration.ZERO : maxWait;
        if (maxSize < 1) {
            throw new IllegalArgumentException("mash.intake.group.max-size must be at least 1, not " + maxSize);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("mash.intake.group.max-wait must not be negative, not " + maxWait);
        }
    }
}
