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
        add(title, waiting, right);
    }

    /** Adds {@code control} at the right of the header, after whether the figures are live. */
    void addRight(com.vaadin.flow.component.Component control) {
        right.add(control);
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
