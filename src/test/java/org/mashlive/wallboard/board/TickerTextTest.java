package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickerTextTest {

    @Test
    void leavesATextThatFitsAlone() {
        assertThat(TickerText.shorten("received · Police", 26)).isEqualTo("received · Police");
        assertThat(TickerText.shorten("moved to awaiting decision", 26)).isEqualTo("moved to awaiting decision");
    }

    @Test
    void shortensByWholeWordsWithAnEllipsisAfterTheLastWordKept() {
        assertThat(TickerText.shorten("decided · Child and family assessment (s17)", 26))
                .isEqualTo("decided · Child and…")
                .hasSizeLessThanOrEqualTo(26);
        assertThat(TickerText.shorten("moved to information gathering", 26)).isEqualTo("moved to information…");
    }

    @Test
    void neverEndsOnASeparatorOrCutsAWord() {
        assertThat(TickerText.shorten("decided · Strategy discussion / s47", 20)).isEqualTo("decided · Strategy…");
        assertThat(TickerText.shorten("received · Other local authority", 12)).isEqualTo("received…");
        assertThat(TickerText.shorten("Supercalifragilistic words", 8)).isEqualTo("Supercalifragilistic…");
    }

    private static org.mashlive.board.api.ReferralCard child(long id, Long contactId) {
        var card = org.mashlive.wallboard.Cards.card(id, org.mashlive.board.api.Source.POLICE,
                org.mashlive.board.api.Rag.AMBER, org.mashlive.board.api.Stage.RECEIVED, AT, AT.plusSeconds(86_400));
        return new org.mashlive.board.api.ReferralCard(card.id(), card.reference(), card.receivedAt(), card.channel(),
                card.source(), card.initials(), card.childKey(), card.rag(), card.stage(), card.flags(),
                card.reReferral(), card.dueAt(), card.outcome(), card.decidedAt(), card.policeCheck(),
                card.decisionDueAt(), card.awaitingSignOffSince(), card.healthType(), contactId);
    }

    private static final java.time.Instant AT = java.time.Instant.parse("2026-03-10T14:00:00Z");

    @Test
    void aChildReceivedWithBrothersOrSistersSaysHowManyOfTheHouseholdWait() {
        var first = child(1, 70L);
        var second = child(2, 70L);
        var third = child(3, 70L);
        var alone = child(4, 71L);
        var before = child(5, null);
        var state = org.mashlive.board.api.BoardState.from(org.mashlive.wallboard.Cards.snapshot(9, AT,
                java.util.List.of(first, second, third, alone, before), java.util.Map.of(), java.util.List.of()));

        assertThat(TickerText.what(org.mashlive.wallboard.Cards.received(10, second), state))
                .isEqualTo("received · Police · 3 siblings");
        assertThat(TickerText.what(org.mashlive.wallboard.Cards.received(11, alone), state))
                .as("an only child of its contact").isEqualTo("received · Police");
        assertThat(TickerText.what(org.mashlive.wallboard.Cards.received(12, before), state))
                .as("a card from before contacts were kept").isEqualTo("received · Police");
        assertThat(TickerText.what(new org.mashlive.board.api.BoardEvent(13, AT,
                org.mashlive.board.api.BoardEventType.RAG_CHANGED, first), state))
                .as("only the arrival says it").doesNotContain("siblings");
    }
}
