package org.mashlive.wallboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.SourceGroup;
import org.mashlive.wallboard.BoardText;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Today's contacts by source group: each named, with its count, share and a bar. */
final class ArrivalsTile extends Tile {

    private final Map<SourceGroup, Row> rows = new EnumMap<>(SourceGroup.class);
    private final Span total = span("arrivals-total");
    private final Span day = span("arrivals-day");

    ArrivalsTile() {
        super("arrivals", "Today's arrivals");
        var list = new Div();
        list.addClassName("arrival-rows");
        for (var group : SourceGroup.values()) {
            var row = new Row(group);
            rows.put(group, row);
            list.add(row);
        }
        var footer = new Div(total, day);
        footer.addClassName("arrivals-footer");
        add(list, footer);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        for (var share : figures.arrivals()) {
            rows.get(share.group()).render(share);
        }
        text(total, figures.arrivalsTotal() + " contacts");
        boolean today = figures.day() != null && figures.day().equals(LocalDate.ofInstant(now, figures.zone()));
        text(day, figures.day() == null || today ? "" : "on " + BoardText.day(figures.day()));
    }

    private static final class Row extends Div {

        private final Div bar = new Div();
        private final Span count;
        private final Span share;

        Row(SourceGroup group) {
            String key = group.name().toLowerCase(Locale.ROOT);
            setId("arrivals-" + key);
            addClassNames("arrival-row", "source-" + key);
            bar.setId("arrivals-" + key + "-bar");
            bar.addClassName("bar-fill");
            var track = new Div(bar);
            track.addClassName("bar-track");
            // the count and share say it in words
            track.getElement().setAttribute("aria-hidden", "true");
            count = span("arrivals-" + key + "-count", "count");
            share = span("arrivals-" + key + "-share", "share");
            add(label(group.label()), track, count, share);
        }

        void render(BoardState.Share figures) {
            text(count, Integer.toString(figures.count()));
            text(share, BoardText.percent(figures.percent()));
            String width = String.format(Locale.ROOT, "%.1f%%", figures.percent());
            if (!width.equals(bar.getStyle().get("width"))) {
                bar.getStyle().set("width", width);
            }
        }
    }
}
