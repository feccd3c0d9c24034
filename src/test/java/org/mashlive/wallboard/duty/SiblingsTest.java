package org.mashlive.wallboard.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/** The children of one contact in the duty queue: counted as siblings and sorted together. */
class SiblingsTest {

    private static final Instant NINE = Instant.parse("2026-03-10T09:00:00Z");

    private static ReferralCard card(long id, Long contact, Instant received, Stage stage) {
        return new ReferralCard(id, "MASH-2026-%06d".formatted(id), received, Channel.POLICE_NOTIFICATION,
                Source.POLICE, "A.B.", "ck" + id, Rag.AMBER, stage, Set.of(), false, received.plusSeconds(86_400),
                stage == Stage.DECIDED ? Outcome.EARLY_HELP : null, stage == Stage.DECIDED ? NINE : null,
                PoliceCheck.WAITING, null, null, null, contact);
    }

    @Test
    void theOpenReferralsOfOneContactAreSiblingsAndSortTogether() {
        var first = card(10, 7L, NINE, Stage.RECEIVED);
        var alone = card(11, 8L, NINE.plusSeconds(60), Stage.SCREENING);
        var second = card(12, 7L, NINE, Stage.SCREENING);
        // a fourth child added to the MERLIN later: the same contact
        var added = card(20, 7L, NINE.plusSeconds(3600), Stage.RECEIVED);
        var decided = card(13, 7L, NINE, Stage.DECIDED);
        var unknown = card(14, null, NINE, Stage.RECEIVED);
        var siblings = Siblings.of(List.of(first, alone, second, added, decided, unknown));

        assertThat(siblings.text(first)).as("decided ones are no longer in the queue").isEqualTo("3 siblings");
        assertThat(siblings.text(added)).isEqualTo("3 siblings");
        assertThat(siblings.text(alone)).isEmpty();
        assertThat(siblings.text(unknown)).isEmpty();
        assertThat(siblings.count(alone)).isEqualTo(1);

        var sorted = List.of(added, alone, second, unknown, first).stream()
                .sorted(Comparator.comparing(Siblings::groupKey)).map(ReferralCard::id).toList();
        assertThat(sorted).containsExactly(14L, 10L, 12L, 20L, 11L);
    }
}
