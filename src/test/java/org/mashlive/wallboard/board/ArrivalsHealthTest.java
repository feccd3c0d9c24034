package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.MutableClock;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;

/**
 * The arrivals tile beyond the four largest groups: Border Force apart from other sources, health's
 * parts in turns with the total, and the ticker naming the part of health.
 */
class ArrivalsHealthTest extends BrowserlessTest {

    // 14:00:10 London (GMT): the health line's turn
    private static final Instant NOW = Instant.parse("2026-03-10T14:00:10Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final MutableClock clock = new MutableClock(NOW);

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    ArrivalsHealthTest() {
        BoardTestViews.feed = feed;
        BoardTestViews.clock = clock;
        BoardTestViews.capacity = java.util.Optional::empty;
    }

    private static ReferralCard gp(long id, Instant received) {
        return new ReferralCard(id, Cards.reference(id), received, Channel.PORTAL, Source.HEALTH, "A.B.", "ck",
                Rag.AMBER, Stage.RECEIVED, Set.of(), false, received.plusSeconds(86_400), null, null,
                PoliceCheck.NOT_NEEDED, null, "GP");
    }

    private static BoardState board() {
        var snapshot = new BoardSnapshot(9, NOW, List.of(), java.time.LocalDate.of(2026, 3, 10),
                Map.of(Source.HEALTH, 6, Source.POLICE, 4), List.of(), Cards.TIMESCALES, List.of(), List.of(),
                RotaSettings.DEFAULT, List.of(), Map.of("GP", 2, "CAMHS", 2, "ACUTE_TRUST", 1), 0);
        return BoardState.from(snapshot);
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
    void theArrivalsTileTakesTurnsBetweenTheTotalAndThePartsOfHealth() {
        var state = board();
        feed.set(state, Liveness.LIVE);
        var view = openBoard();
        var tile = $(ArrivalsTile.class).first();

        assertThat(text("arrivals-health-types")).isEqualTo("CAMHS 2 · GP 2 · acute 1");
        assertThat(text("arrivals-total")).as("the total stays for the other turn").isEqualTo("10");
        assertThat(tile.hasClassName("health-turn")).isTrue();

        // a GP contact arrives: GP leads
        state.apply(new BoardEvent(10, NOW, BoardEventType.REFERRAL_RECEIVED, gp(20, NOW.minusSeconds(5))));
        feed.set(state, Liveness.LIVE);
        clock.set(NOW.plus(ArrivalsTile.TURN));
        view.refresh();
        assertThat(text("arrivals-health-types")).isEqualTo("GP 3 · CAMHS 2 · acute 1");
        assertThat(text("arrivals-total")).isEqualTo("11");
        assertThat(tile.hasClassName("health-turn")).as("the total's turn").isFalse();

        // the ticker names the part of health
        assertThat($(ListItem.class).withClassName("ticker-item").all().getFirst().getElement().getTextRecursively())
                .endsWith("received · Health · GP");
    }

    @Test
    void noHealthContactsSaidWhichPartOfHealthSoTheTotalKeepsTheLine() {
        feed.set(BoardState.from(Cards.snapshot(9, NOW, List.of(), Map.of(Source.HEALTH, 2), List.of())),
                Liveness.LIVE);
        openBoard();
        assertThat(text("arrivals-health-types")).isEmpty();
        assertThat($(ArrivalsTile.class).first().hasClassName("health-turn")).isFalse();
    }

    @Test
    void borderForceIsCountedApartFromOtherSources() {
        feed.set(BoardState.from(Cards.snapshot(9, NOW, List.of(), Map.of(Source.POLICE, 5, Source.BORDER_FORCE, 2,
                Source.FAMILY_SELF, 2, Source.OTHER_LOCAL_AUTHORITY, 1), List.of())), Liveness.LIVE);
        openBoard();
        assertThat(text("arrivals-border_force")).isEqualTo("Border Force220%");
        assertThat(text("arrivals-other-count")).as("family and another local authority, not Border Force")
                .isEqualTo("3");
        assertThat(text("arrivals-police-share")).isEqualTo("50%");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("arrivals-border_force-bar").getStyle().get("width"))
                .isEqualTo("20.0%");
        assertThat($(Component.class).id("arrivals-border_force").hasClassName("source-border_force")).isTrue();
    }

    @Test
    void contactsForInformationOnlyAreCountedApartBesideTheTotal() {
        var snapshot = new BoardSnapshot(9, NOW, List.of(), java.time.LocalDate.of(2026, 3, 10),
                Map.of(Source.POLICE, 8, Source.BORDER_FORCE, 2), List.of(), Cards.TIMESCALES, List.of(), List.of(),
                RotaSettings.DEFAULT, List.of(), Map.of(), 1);
        var state = BoardState.from(snapshot);
        feed.set(state, Liveness.LIVE);
        var view = openBoard();
        assertThat(text("arrivals-total")).isEqualTo("10 · 1 info only");

        var c = Cards.card(30, Source.BORDER_FORCE, null, Stage.INFORMATION_ONLY, NOW.minusSeconds(5),
                NOW.plusSeconds(3600));
        state.apply(new BoardEvent(10, NOW, BoardEventType.REFERRAL_RECEIVED, c));
        feed.set(state, Liveness.LIVE);
        view.refresh();
        assertThat(text("arrivals-total")).isEqualTo("11 · 2 info only");
        assertThat(text("arrivals-border_force-count")).isEqualTo("3");
        assertThat(state.open()).as("never open, so in no queue").isEmpty();
        assertThat($(ListItem.class).withClassName("ticker-item").all().getFirst().getElement().getTextRecursively())
                .contains("received · info only");
    }
}
