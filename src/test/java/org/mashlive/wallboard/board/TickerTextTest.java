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
}
