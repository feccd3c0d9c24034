package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

class HealthWordsTest {

    private static ReferralCard card(Source source, String healthType) {
        return new ReferralCard(1, "MASH-2026-000001", Instant.EPOCH, Channel.PORTAL, source, "A.B.", "ck", Rag.GREEN,
                Stage.RECEIVED, Set.of(), false, Instant.EPOCH, null, null, PoliceCheck.NOT_NEEDED, null, healthType);
    }

    @Test
    void aHealthContactNamesThePartOfHealthItCameFrom() {
        assertThat(HealthWords.source(card(Source.HEALTH, "GP"))).isEqualTo("Health · GP");
        assertThat(HealthWords.source(card(Source.HEALTH, "ACUTE_TRUST"))).isEqualTo("Health · acute");
        assertThat(HealthWords.source(card(Source.HEALTH, null))).isEqualTo("Health");
        assertThat(HealthWords.source(card(Source.POLICE, null))).isEqualTo("Police");
        // a part of health this wall-board does not know yet still reads as words
        assertThat(HealthWords.of("SEXUAL_HEALTH")).isEqualTo("sexual health");
    }

    @Test
    void theBreakdownNamesTheMostFirstAsManyAsFitAndCountsTheRest() {
        var byType = Map.of("GP", 3, "CAMHS", 2, "ACUTE_TRUST", 1, "THERAPIES", 1, "SCHOOL_NURSING", 0);
        assertThat(HealthWords.breakdown(byType, 60)).isEqualTo("GP 3 · CAMHS 2 · acute 1 · therapies 1");
        assertThat(HealthWords.breakdown(byType, 33)).isEqualTo("GP 3 · CAMHS 2 · acute 1 · 1 more");
        assertThat(HealthWords.breakdown(byType, 32)).as("the count of the rest is part of the width")
                .isEqualTo("GP 3 · CAMHS 2 · 2 more");
        assertThat(HealthWords.breakdown(byType, 16)).isEqualTo("GP 3 · 4 more");
        assertThat(HealthWords.breakdown(byType, 4)).as("the first part is always named").isEqualTo("GP 3 · 4 more");
        assertThat(HealthWords.breakdown(Map.of(), 30)).isEmpty();
    }
}
