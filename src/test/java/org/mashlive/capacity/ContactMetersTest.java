package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/** The flag gauges count each open referral once per flag it carries, and the late ones apart. */
class ContactMetersTest {

    static final Instant NOW = Instant.parse("2026-11-30T11:00:00Z");

    static ReferralCard card(long id, Set<Flag> flags, Duration dueIn) {
        return new ReferralCard(id, "MASH-2026-00000" + id, NOW.minus(Duration.ofHours(3)), Channel.PHONE,
                Source.EDUCATION, "A.B.", "key" + id, Rag.AMBER, Stage.SCREENING, flags, false, NOW.plus(dueIn), null,
                null);
    }

    @Test
    void openAndLateReferralsAreCountedByEachFlagTheyCarry() {
        var flagged = ContactMeters.Flagged.of(List.of(
                card(1, Set.of(Flag.SEND, Flag.NON_VERBAL), Duration.ofHours(-1)),
                card(2, Set.of(Flag.SEND), Duration.ofHours(2)),
                card(3, Set.of(Flag.SEND), Duration.ofMinutes(-5)),
                card(4, Set.of(), Duration.ofHours(-4))), NOW);

        assertThat(flagged.open(Flag.SEND)).isEqualTo(3);
        assertThat(flagged.late(Flag.SEND)).isEqualTo(2);
        assertThat(flagged.open(Flag.NON_VERBAL)).isEqualTo(1);
        assertThat(flagged.late(Flag.NON_VERBAL)).isEqualTo(1);
        assertThat(flagged.open(Flag.ASYLUM_SEEKING)).isZero();
    }

    @Test
    void beforeTheBoardIsLoadedNothingReadsAsNone() {
        var unknown = new ContactMeters.Flagged(NOW, false, java.util.Map.of(), java.util.Map.of());
        assertThat(unknown.open(Flag.SEND)).isNaN();
        assertThat(unknown.late(Flag.SEND)).isNaN();
    }
}
