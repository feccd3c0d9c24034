package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.Locale;

import org.mashlive.wallboard.CapacityFeed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Referrals open now and contacts today, against the daily average of the last fourteen days. */
final class CapacityTile extends Tile {

    private final CapacityFeed capacity;
    private final Span open = span("capacity-open", "capacity-value", "key-figure");
    private final Span today = span("capacity-today", "capacity-value", "key-figure");
    private final Span average = span("capacity-average", "capacity-average");

    CapacityTile(CapacityFeed capacity) {
        super("capacity", "Capacity");
        this.capacity = capacity;
        var figures = new Div(figure(open, "open now"), figure(today, "contacts today"));
        figures.addClassName("board-capacity-figures");
        add(figures, average);
    }

    private static Div figure(Span value, String name) {
        var figure = new Div(value, label(name));
        figure.addClassName("capacity-figure");
        return figure;
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        text(open, Integer.toString(figures.total()));
        text(today, Integer.toString(figures.arrivalsTotal()));
        text(average, capacity.latest()
                .map(summary -> String.format(Locale.UK, "14-day average %.1f a day", summary.averageArrivals()))
                .orElse("14-day average not known yet"));
    }
}
