package org.mashlive.wallboard.board;

import java.time.Instant;
import java.time.ZoneId;

import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.Liveness;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;

/**
 * The board's top line: the hub, a notice while the first figures are awaited, the time, and
 * whether the figures are live.
 */
final class BoardHeader extends Header {

    private final Span clock = Tile.span("clock", "clock");
    private final LiveIndicator indicator = new LiveIndicator();
    private final Div waiting = new Div();
    private final Span team = Tile.span("board-team", "board-team");
    private final Span hubWide = Tile.span("board-hub-wide", "board-hub-wide");
    private final Div scope = new Div(team, hubWide);
    private final Div right;

    /** @param hubName the hub's configured name ({@code mash.wallboard.hub-name}) */
    BoardHeader(String hubName) {
        addClassName("board-header");
        var title = new H1(hubName + " · MASH");
        title.setId("hub-name");
        waiting.setId("waiting");
        waiting.addClassName("waiting");
        waiting.setText("Waiting for the first figures…");
        right = new Div(clock, indicator);
        right.addClassName("header-right");
        scope.addClassName("board-scope");
        scope.setVisible(false);
        add(title, scope, waiting, right);
    }

    /** Adds {@code control} at the right of the header, after whether the figures are live. */
    void addRight(com.vaadin.flow.component.Component control) {
        right.add(control);
    }

    /**
     * Says which board this is: {@code teamName}'s, with the whole hub's figures beside it, or the
     * whole hub's ({@code teamName} null), with {@code note} when a team was asked for that the hub
     * has not got.
     */
    void scope(String teamName, org.mashlive.board.api.TeamBoard.Hub hub, String note) {
        if (teamName == null) {
            scope.setVisible(note != null);
            Tile.text(team, note == null ? "" : note);
            Tile.text(hubWide, "");
            return;
        }
        scope.setVisible(true);
        Tile.text(team, "Team board: " + teamName);
        Tile.text(hubWide, hub == null ? "" : "Whole hub: " + hub.open() + " open · " + hub.breached()
                + " breached · " + hub.unallocated() + " not yet allocated");
    }

    /**
     * @param waitingForFigures whether no snapshot has arrived yet
     */
    void render(Liveness liveness, Instant now, ZoneId zone, boolean waitingForFigures) {
        waiting.setVisible(waitingForFigures);
        Tile.text(clock, BoardText.clock(now, zone));
        indicator.render(liveness, now, zone);
    }
}
