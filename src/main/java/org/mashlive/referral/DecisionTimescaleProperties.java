package org.mashlive.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The statutory clock: a decision on every contact is due within {@code target} working days of
 * its receipt, whatever its RAG. One working day is the length of the working calendar's day
 * counted in working time, so a contact at Friday 16:59 is due at Monday 16:59 and a contact on a
 * Saturday at the end of Monday (docs/decisions/0018-one-working-day-decision-clock.md).
 *
 * @param target working days allowed for the decision; 1 when not configured
 * @throws IllegalArgumentException naming the property when the target is not positive
 */
@ConfigurationProperties("mash.timescales.decision")
public record DecisionTimescaleProperties(Integer target) {

    public DecisionTimescaleProperties {
        if (target == null) {
            target = 1;
        }
        if (target < 1) {
            throw new IllegalArgumentException("mash.timescales.decision.target must be at least 1 working day, was "
                    + target);
        }
    }

    /** One working day. */
    public static DecisionTimescaleProperties defaults() {
        return new DecisionTimescaleProperties(null);
    }
}
