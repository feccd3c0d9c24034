package org.mashlive.board.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Today's health contacts by part of health, as the board state keeps them from its snapshot and events. */
class HealthArrivalsTest {

    private static final Instant NINE = Instant.parse("2026-11-26T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static ReferralCard health(long id, Instant received, String healthType) {
        return new ReferralCard(id, "MASH-2026-%06d".formatted(id), received, Channel.PORTAL, Source.HEALTH, "A.B.",
                "ck", Rag.AMBER, Stage.RECEIVED, Set.of(), false, received.plus(Duration.ofHours(24)), null, null,
                PoliceCheck.NOT_NEEDED, null, healthType);
    }

    private static BoardEvent received(long seq, ReferralCard card) {
        return new BoardEvent(seq, card.receivedAt(), BoardEventType.REFERRAL_RECEIVED, card);
    }

    @Test
    void startsFromTheSnapshotCountsEachHealthContactReceivedTodayAndStartsAgainOnANewDay() {
        var snapshot = new BoardSnapshot(0, NINE, List.of(), TODAY, Map.of(Source.HEALTH, 3), List.of(), List.of(),
                List.of(), List.of(), RotaSettings.DEFAULT, List.of(), Map.of("GP", 2, "CAMHS", 1), 0);
        var state = BoardState.from(snapshot);
        state.apply(received(1, health(1, NINE.plusSeconds(60), "GP")));
        state.apply(received(2, health(2, NINE.plusSeconds(120), "ACUTE_TRUST")));
        // a health contact that did not say which part of health is counted as health, not by part
        state.apply(received(3, health(3, NINE.plusSeconds(180), null)));
        assertThat(state.healthArrivals()).containsExactlyInAnyOrderEntriesOf(
                Map.of("GP", 3, "CAMHS", 1, "ACUTE_TRUST", 1));
        assertThat(state.arrivals()).containsEntry(Source.HEALTH, 6);
        // a re-rating is not an arrival
        state.apply(new BoardEvent(4, NINE.plusSeconds(240), BoardEventType.RAG_CHANGED, health(1, NINE, "GP")));
        assertThat(state.healthArrivals()).containsEntry("GP", 3);
        // a snapshot of the state carries them, so a board started from it shows the same
        assertThat(BoardState.from(state.snapshot(NINE.plusSeconds(300))).healthArrivals())
                .isEqualTo(state.healthArrivals());

        state.apply(received(5, health(5, Instant.parse("2026-11-27T00:30:00Z"), "CAMHS")));
        assertThat(state.healthArrivals()).containsExactly(Map.entry("CAMHS", 1));
    }

    @Test
    void aSnapshotFromABackendThatDoesNotBreakHealthDownHasNone() {
        var snapshot = new BoardSnapshot(0, NINE, List.of(), TODAY, Map.of(), List.of(), List.of(), List.of(),
                List.of(), RotaSettings.DEFAULT, List.of(), null, null);
        assertThat(snapshot.healthArrivals()).isEmpty();
    }
}
