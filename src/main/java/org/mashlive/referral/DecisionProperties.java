package org.mashlive.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mashlive.board.api.Outcome;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub decides ({@code mash.decisions.*}).
 *
 * @param thresholds the threshold levels a decision may apply, in the hub's words; by default
 *                   Universal, Early help, Child in need, Child protection
 * @param signOff    the outcomes that need management oversight: a different duty lead or administrator
 *                   signs them off before the referral closes; by default every outcome but no further action
 */
@ConfigurationProperties("mash.decisions")
public record DecisionProperties(List<String> thresholds, Set<Outcome> signOff) {

    static final List<String> DEFAULT_THRESHOLDS = List.of("Universal", "Early help", "Child in need",
            "Child protection");

    public DecisionProperties {
        thresholds = thresholds == null || thresholds.isEmpty() ? DEFAULT_THRESHOLDS
                : thresholds.stream().map(String::strip).toList();
        if (thresholds.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("mash.decisions.thresholds has an empty level");
        }
        signOff = signOff == null ? EnumSet.complementOf(EnumSet.of(Outcome.NO_FURTHER_ACTION)) : Set.copyOf(signOff);
    }

    /** Whether a decision with {@code outcome} waits for sign-off. */
    boolean needsSignOff(Outcome outcome) {
        return signOff.contains(outcome);
    }
}
