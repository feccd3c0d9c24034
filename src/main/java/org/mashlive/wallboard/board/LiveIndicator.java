package org.mashlive.wallboard.board;

import java.time.Instant;
import java.time.ZoneId;

import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.Liveness;

import com.vaadin.flow.component.html.Span;

/**
 * Whether the figures are live, in words: {@code ● LIVE}, or {@code STALE since 14:02} on a
 * warning background, so a board that stopped hearing from the backend never passes old figures
 * off as current.
 */
final class LiveIndicator extends Span {

    LiveIndicator() {
        setId("live-indicator");
        addClassName("live-indicator");
        // read out when it turns stale, not on every tick
        getElement().setAttribute("role", "status");
    }

    void render(Liveness liveness, Instant now, ZoneId zone) {
        Tile.text(this, BoardText.liveness(liveness, now, zone));
        setClassName("live", liveness.live());
        setClassName("stale", !liveness.live());
    }
}
