package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.capacity.api.PartnerRequests;

/** Police checks outstanding and the age of the oldest, from known waiting checks at a fixed instant. */
class BoardPartnerRequestsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private static ReferralCard waiting(long id, String receivedAt) {
        return new ReferralCard(id, "MASH-" + id, Instant.parse(receivedAt), Channel.POLICE_NOTIFICATION,
                Source.POLICE, "A.B.", "k" + id, Rag.AMBER, Stage.SCREENING, Set.of(), false, null, null, null,
                PoliceCheck.WAITING);
    }

    @Test
    void countsTheChecksWaitingAndAgesTheOldestFromWhenItCameIn() {
        var checks = List.of(waiting(1, "2026-03-10T11:30:00Z"), waiting(2, "2026-03-09T20:00:00Z"),
                waiting(3, "2026-03-10T13:59:00Z"));
        assertThat(BoardPartnerRequests.police(checks, NOW))
                .isEqualTo(new PartnerRequests("police", 3, Duration.ofHours(18)));
    }

    @Test
    void noneWaitingIsZeroOutstandingAndNoAge() {
        assertThat(BoardPartnerRequests.police(List.of(), NOW))
                .isEqualTo(new PartnerRequests("police", 0, Duration.ZERO));
    }
}
