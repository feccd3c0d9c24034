package org.mashlive.board.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BoardStateTest {

    private static final Instant NINE = Instant.parse("2026-11-26T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static ReferralCard card(long id, Rag rag, Stage stage, Instant received, Duration timescale) {
        return new ReferralCard(id, "MASH-2026-%06d".formatted(id), received, Channel.POLICE_NOTIFICATION,
                Source.POLICE, "A.B.", "key" + id, rag, stage, Set.of(), false, received.plus(timescale),
                stage == Stage.DECIDED ? Outcome.EARLY_HELP : null, stage == Stage.DECIDED ? received : null);
    }

    private static BoardSnapshot snapshot(long seq, List<ReferralCard> open, Map<Source, Integer> arrivals) {
        return new BoardSnapshot(seq, NINE, open, TODAY, arrivals, List.of(), List.of());
    }

    private static BoardEvent event(long seq, BoardEventType type, ReferralCard card) {
        return new BoardEvent(seq, NINE, type, card);
    }

    @Test
    void eventsAreFoldedInOrderAndDuplicatesAndGapsAreLeftAlone() {
        var state = BoardState.from(snapshot(10, List.of(), Map.of()));
        var received = card(1, Rag.AMBER, Stage.RECEIVED, NINE, Duration.ofHours(24));

        assertThat(state.apply(event(12, BoardEventType.REFERRAL_RECEIVED, received))).isEqualTo(BoardState.Applied.GAP);
        assertThat(state.openCount()).isZero();
        assertThat(state.apply(event(11, BoardEventType.REFERRAL_RECEIVED, received)))
                .isEqualTo(BoardState.Applied.APPLIED);
        assertThat(state.apply(event(11, BoardEventType.REFERRAL_RECEIVED, received)))
                .isEqualTo(BoardState.Applied.DUPLICATE);
        assertThat(state.seq()).isEqualTo(11);
        assertThat(state.openCount()).isEqualTo(1);
        assertThat(state.arrivals()).containsEntry(Source.POLICE, 1);
    }

    @Test
    void aDecidedReferralLeavesTheBoardAndAMoveUpdatesItsCell() {
        var amber = card(1, Rag.AMBER, Stage.SCREENING, NINE, Duration.ofHours(24));
        var state = BoardState.from(snapshot(1, List.of(amber), Map.of()));
        assertThat(state.count(Stage.SCREENING, Rag.AMBER)).isEqualTo(1);

        state.apply(event(2, BoardEventType.STAGE_CHANGED, card(1, Rag.AMBER, Stage.AWAITING_DECISION, NINE,
                Duration.ofHours(24))));
        assertThat(state.count(Stage.SCREENING, Rag.AMBER)).isZero();
        assertThat(state.count(Stage.AWAITING_DECISION, Rag.AMBER)).isEqualTo(1);

        state.apply(event(3, BoardEventType.REFERRAL_DECIDED, card(1, Rag.AMBER, Stage.DECIDED, NINE,
                Duration.ofHours(24))));
        assertThat(state.openCount()).isZero();
        assertThat(state.recent()).extracting(BoardEvent::seq).containsExactly(3L, 2L);
    }

    @Test
    void theOldestOfEachRagAndTheBreachesAreMeasuredAgainstTheirTimescales() {
        var oldRed = card(1, Rag.RED, Stage.SCREENING, NINE.minus(Duration.ofHours(5)), Duration.ofHours(4));
        var newRed = card(2, Rag.RED, Stage.RECEIVED, NINE.minus(Duration.ofHours(1)), Duration.ofHours(4));
        var green = card(3, Rag.GREEN, Stage.RECEIVED, NINE.minus(Duration.ofHours(2)), Duration.ofHours(72));
        var unrated = card(4, null, Stage.RECEIVED, NINE.minus(Duration.ofMinutes(30)), Duration.ofHours(8));
        var state = BoardState.from(snapshot(4, List.of(green, newRed, unrated, oldRed), Map.of()));

        var oldest = state.oldestByRag(NINE);
        assertThat(oldest).extracting(BoardState.Oldest::rag).containsExactly(Rag.RED, Rag.GREEN, null);
        assertThat(oldest.getFirst().card().reference()).isEqualTo(oldRed.reference());
        assertThat(oldest.getFirst().age()).isEqualTo(Duration.ofHours(5));
        assertThat(oldest.getFirst().timeLeft()).isEqualTo(Duration.ofHours(-1));
        assertThat(oldest.getFirst().breached()).isTrue();
        assertThat(oldest.get(1).breached()).isFalse();
        assertThat(state.breaches(NINE)).extracting(ReferralCard::reference).containsExactly(oldRed.reference());
        assertThat(state.breaches(NINE.plus(Duration.ofHours(8)))).extracting(ReferralCard::id)
                .containsExactly(1L, 2L, 4L);
    }

    @Test
    void arrivalsAreSharedBetweenSourceGroupsAndStartAgainOnANewDay() {
        var state = BoardState.from(snapshot(0, List.of(),
                Map.of(Source.POLICE, 3, Source.HEALTH, 2, Source.BORDER_FORCE, 1, Source.FAMILY_SELF, 2)));
        assertThat(state.arrivalShares()).containsExactly(
                new BoardState.Share(SourceGroup.POLICE, 3, 37.5),
                new BoardState.Share(SourceGroup.HEALTH, 2, 25.0),
                new BoardState.Share(SourceGroup.EDUCATION, 0, 0.0),
                new BoardState.Share(SourceGroup.BORDER_FORCE, 1, 12.5),
                new BoardState.Share(SourceGroup.OTHER, 2, 25.0));

        var tomorrow = Instant.parse("2026-11-27T00:30:00Z");
        state.apply(event(1, BoardEventType.REFERRAL_RECEIVED,
                card(9, Rag.GREEN, Stage.RECEIVED, tomorrow, Duration.ofHours(72))));
        assertThat(state.day()).isEqualTo(TODAY.plusDays(1));
        assertThat(state.arrivals()).containsExactly(Map.entry(Source.POLICE, 1));
    }

    @Test
    void theDayIsCountedInLondonNotUtc() {
        var state = BoardState.from(new BoardSnapshot(0, NINE, List.of(), LocalDate.of(2026, 7, 1), Map.of(),
                List.of(), List.of()));
        // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
        state.apply(event(1, BoardEventType.REFERRAL_RECEIVED,
                card(1, Rag.GREEN, Stage.RECEIVED, Instant.parse("2026-07-01T23:30:00Z"), Duration.ofHours(1))));
        assertThat(state.day()).isEqualTo(LocalDate.of(2026, 7, 2));
    }

    @Test
    void aSnapshotTakenFromTheStateRebuildsTheSameState() {
        var a = card(1, Rag.RED, Stage.SCREENING, NINE, Duration.ofHours(4));
        var state = BoardState.from(snapshot(1, List.of(a), Map.of(Source.POLICE, 1)));
        state.apply(event(2, BoardEventType.REFERRAL_RECEIVED, card(2, Rag.AMBER, Stage.RECEIVED, NINE,
                Duration.ofHours(24))));
        var copy = BoardState.from(state.snapshot(NINE));
        assertThat(copy.seq()).isEqualTo(2);
        assertThat(copy.openCount()).isEqualTo(2);
        assertThat(copy.arrivals()).isEqualTo(state.arrivals());
        assertThat(copy.recent()).isEqualTo(state.recent());
    }

    @Test
    void theTickerSaysWhatHappenedWithoutNames() {
        var card = new ReferralCard(123, "MASH-2026-000123", NINE, Channel.POLICE_NOTIFICATION, Source.POLICE, "A.S.",
                "k", Rag.AMBER, Stage.RECEIVED, Set.of(Flag.DOMESTIC_ABUSE), false, NINE, null, null);
        assertThat(new BoardEvent(1, NINE, BoardEventType.REFERRAL_RECEIVED, card).tickerText())
                .isEqualTo("MASH-2026-000123 received · Police · Amber");
    }
}
