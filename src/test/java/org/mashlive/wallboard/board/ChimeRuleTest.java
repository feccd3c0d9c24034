package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ChimeRuleTest {

    private final ChimeRule rule = new ChimeRule();

    @Test
    void theBreachesFoundOnOpeningDoNotChime() {
        assertThat(rule.next(Set.of(1L, 2L), Set.of(1L, 2L, 3L), true)).isFalse();
        assertThat(rule.next(Set.of(1L, 2L), Set.of(1L, 2L, 3L), true)).isFalse();
    }

    @Test
    void aNewBreachChimesOnceAndNeverAgainForTheSameReferral() {
        rule.next(Set.of(), Set.of(1L, 2L), true);
        assertThat(rule.next(Set.of(1L), Set.of(1L, 2L), true)).isTrue();
        assertThat(rule.next(Set.of(1L), Set.of(1L, 2L), true)).isFalse();
        // re-rated to a longer timescale, then breached again: still the same referral
        assertThat(rule.next(Set.of(), Set.of(1L, 2L), true)).isFalse();
        assertThat(rule.next(Set.of(1L), Set.of(1L, 2L), true)).isFalse();
        assertThat(rule.next(Set.of(1L, 2L), Set.of(1L, 2L), true)).as("another referral").isTrue();
    }

    @Test
    void aBreachWhileSilentNeverChimesLater() {
        rule.next(Set.of(), Set.of(1L, 2L), true);
        assertThat(rule.next(Set.of(1L), Set.of(1L, 2L), false)).isFalse();
        assertThat(rule.next(Set.of(1L), Set.of(1L, 2L), true)).as("live again: old news").isFalse();
        assertThat(rule.next(Set.of(1L, 2L), Set.of(1L, 2L), true)).isTrue();
    }
}
