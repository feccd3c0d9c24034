package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.MutableClock;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;

/** The board's flags tile: how many open referrals carry each flag and how many of them are late, in words. */
class FlagsTileTest extends BrowserlessTest {

    // 10 March 2026: London is on GMT, so London time equals UTC; 14:00:10 is in the tile's turn
    private static final Instant NOW = Instant.parse("2026-03-10T14:00:10Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final MutableClock clock = new MutableClock(NOW);

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    FlagsTileTest() {
        BoardTestViews.feed = feed;
        BoardTestViews.clock = clock;
        BoardTestViews.capacity = java.util.Optional::empty;
    }

    private static Instant at(String londonTime) {
        return Instant.parse("2026-03-10T" + londonTime + ":00Z");
    }

    private static ReferralCard card(long id, Rag rag, Instant received, Instant due, Set<Flag> flags) {
        var c = Cards.card(id, Source.POLICE, rag, Stage.SCREENING, received, due);
        return new ReferralCard(c.id(), c.reference(), c.receivedAt(), c.channel(), c.source(), c.initials(),
                c.childKey(), c.rag(), c.stage(), flags, c.reReferral(), c.dueAt(), c.outcome(), c.decidedAt());
    }

    /** Three SEND (two past their timescale), one non-verbal and SEND, one newly arrived in time, one unflagged. */
    private static BoardState flaggedBoard() {
        var open = List.of(
                card(1, Rag.RED, at("09:00"), at("13:00"), Set.of(Flag.SEND, Flag.NON_VERBAL)),
                card(2, Rag.AMBER, at("08:00").minus(Duration.ofDays(2)), at("08:00"), Set.of(Flag.SEND)),
                card(3, Rag.GREEN, at("13:00"), at("13:00").plus(Duration.ofDays(3)), Set.of(Flag.SEND)),
                card(4, Rag.AMBER, at("12:00"), at("12:00").plus(Duration.ofDays(1)), Set.of(Flag.ASYLUM_SEEKING)),
                card(5, Rag.RED, at("10:00"), at("11:00"), Set.of()));
        return BoardState.from(Cards.snapshot(9, NOW, open, Map.of(), List.of()));
    }

    private BoardView openBoard() {
        var view = navigate("board", BoardView.class);
        view.refresh();
        return view;
    }

    private String text(String id) {
        return $(Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void countsTheOpenReferralsCarryingEachFlagAndThoseLateInWords() {
        feed.set(flaggedBoard(), Liveness.LIVE);
        openBoard();

        assertThat(text("flag-send")).isEqualTo("SEND3· 2 late");
        assertThat(text("flag-non-verbal")).isEqualTo("Non-verbal1· 1 late");
        assertThat(text("flag-asylum-seeking")).as("newly arrived, in time").isEqualTo("New arrival1");
        assertThat(text("flag-asd-concern")).isEqualTo("ASD concern0");
        assertThat(text("flag-domestic-abuse")).isEqualTo("Domestic abuse0");
        var tile = $(FlagsTile.class).first();
        assertThat(tile.said()).isEqualTo("SEND 3 · 2 late, Non-verbal 1 · 1 late, New arrival 1, ASD concern 0, "
                + "Domestic abuse 0");
        assertThat($(Component.class).id("flag-send").hasClassName("has-late")).isTrue();
        assertThat($(Component.class).id("flag-asylum-seeking").hasClassName("has-late")).isFalse();
        assertThat($(Component.class).id("flag-asd-concern").hasClassName("none")).isTrue();
        // no name, initials or reference: counts only
        assertThat(tile.getElement().getTextRecursively()).doesNotContain("MASH-", Cards.INITIALS);
    }

    @Test
    void followsAFlagChangeAndADecisionAsTheyArrive() {
        var state = flaggedBoard();
        feed.set(state, Liveness.LIVE);
        var view = openBoard();

        state.apply(BoardEvent.of(10, at("13:59"), BoardEventType.FLAGS_CHANGED,
                card(5, Rag.RED, at("10:00"), at("11:00"), Set.of(Flag.DOMESTIC_ABUSE, Flag.SEND))));
        var decided = card(2, Rag.AMBER, at("08:00").minus(Duration.ofDays(2)), at("08:00"), Set.of(Flag.SEND));
        state.apply(BoardEvent.of(11, at("13:59"), BoardEventType.REFERRAL_DECIDED, new ReferralCard(decided.id(),
                decided.reference(), decided.receivedAt(), decided.channel(), decided.source(), decided.initials(),
                decided.childKey(), decided.rag(), Stage.DECIDED, decided.flags(), false, decided.dueAt(),
                Outcome.EARLY_HELP, at("13:59"))));
        feed.set(state, Liveness.LIVE);
        view.refresh();

        assertThat(text("flag-send")).isEqualTo("SEND3· 2 late");
        assertThat(text("flag-domestic-abuse")).isEqualTo("Domestic abuse1· 1 late");
    }

    @Test
    void aReferralBecomesLateAsTheClockPassesItsDueTime() {
        feed.set(flaggedBoard(), Liveness.LIVE);
        var view = openBoard();
        assertThat(text("flag-asylum-seeking")).isEqualTo("New arrival1");
        clock.set(at("12:00").plus(Duration.ofDays(1)).plusSeconds(20));
        view.refresh();
        assertThat(text("flag-asylum-seeking")).isEqualTo("New arrival1· 1 late");
    }

    @Test
    void takesTurnsWithTheCapacityTileWhileAnyOpenReferralIsFlagged() {
        feed.set(flaggedBoard(), Liveness.LIVE);
        var view = openBoard();
        var tile = $(FlagsTile.class).first();
        assertThat(tile.hasClassName("showing")).as("14:00:10, its turn").isTrue();
        clock.set(NOW.plus(FlagsTile.TURN));
        view.refresh();
        assertThat(tile.hasClassName("showing")).as("14:00:20, the capacity tile's turn").isFalse();
        clock.set(NOW.plus(FlagsTile.TURN.multipliedBy(2)));
        view.refresh();
        assertThat(tile.hasClassName("showing")).isTrue();

        // nothing flagged: the capacity tile keeps its place
        feed.set(BoardState.from(Cards.snapshot(12, NOW, List.of(card(7, Rag.RED, at("13:00"), at("17:00"),
                Set.of())), Map.of(), List.of())), Liveness.LIVE);
        view.refresh();
        assertThat(tile.hasClassName("showing")).isFalse();
    }
}
