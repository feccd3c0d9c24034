package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The grouping of intakes: its defaults, and what it refuses, naming the setting and the value. */
class IntakeGroupPropertiesTest {

    @Test
    void unsetGroupsHoldUpToSixtyFourAndNeverWait() {
        var unset = new IntakeGroupProperties(null, null);
        assertThat(unset.maxSize()).isEqualTo(64);
        assertThat(unset.maxWait()).isZero();
    }

    @Test
    void oneContactATransactionAndAWaitAreTaken() {
        var alone = new IntakeGroupProperties(1, Duration.ofMillis(2));
        assertThat(alone.maxSize()).isEqualTo(1);
        assertThat(alone.maxWait()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void aGroupOfNoneOrANegativeWaitIsRefused() {
        assertThatThrownBy(() -> new IntakeGroupProperties(0, null))
                .hasMessage("mash.intake.group.max-size must be at least 1, not 0");
        assertThatThrownBy(() -> new IntakeGroupProperties(64, Duration.ofMillis(-1)))
                .hasMessage("mash.intake.group.max-wait must not be negative, not PT-0.001S");
    }
}
