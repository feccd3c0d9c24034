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

/**
 * Today's contacts by source group: each named, with its count, share and a bar. The title gives
 * the total beside it ("Today's arrivals 12 · 2 info only") and, in turns of {@link #TURN}, becomes
 * "Health: GP 3 · CAMHS 2 · acute 1", which parts of health the health contacts came from, the
 * tile's {@code health-turn} class saying whose turn it is: the board has no room for a line
 * beneath at full type size. A portrait board keeps the plain title.
 */
final class ArrivalsTile extends Tile {

    /** How long the total and the health line each show before the other. */
    static final java.time.Duration TURN = java.time.Duration.ofSeconds(10);
    /**
     * Characters the parts of health may take after "Health:", so the title stays one line on
     * a landscape board at full type size; the parts beyond are counted together.
     */
    static final int HEALTH_WIDTH = 34;

    private final Map<SourceGroup, Row> rows = new EnumMap<>(SourceGroup.class);
    private final Span total = span("arrivals-total");
    private final Span day = span("arrivals-day");
    private final Span health = span("arrivals-health-types");
    private final org.mashlive.wallboard.BoardFeed feed;

    ArrivalsTile() {
        this(null);
    }

    ArrivalsTile(org.mashlive.wallboard.BoardFeed feed) {
        this(new com.vaadin.flow.component.html.H2(), feed);
    }

    private ArrivalsTile(com.vaadin.flow.component.html.H2 title, org.mashlive.wallboard.BoardFeed feed) {
        super("arrivals", title);
        var list = new Div();
        list.addClassName("arrival-rows");
        for (var group : SourceGroup.values()) {
            var row = new Row(group);
            rows.put(group, row);
            list.add(row);
        }
        this.feed = feed;
        var label = new Span("Today's arrivals");
        label.setId("arrivals-label");
        var healthLabel = new Span("Health:");
        healthLabel.setId("arrivals-health-label");
        var note = new Span(total, day, health);
        note.addClassName("arrivals-note");
        title.add(label, healthLabel, note);
        add(list);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        for (var share : figures.arrivals()) {
            rows.get(share.group()).render(share);
        }
        int informationOnly = feed == null ? 0 : feed.read(state -> state.informationOnlyArrivals()).orElse(0);
        text(total, figures.arrivalsTotal() + (informationOnly == 0 ? "" : " · " + informationOnly + " info only"));
        boolean today = figures.day() != null && figures.day().equals(LocalDate.ofInstant(now, figures.zone()));
        text(day, figures.day() == null || today ? "" : "on " + BoardText.day(figures.day()));
        String byType = feed == null ? "" : feed.read(state -> org.mashlive.wallboard.HealthWords.breakdown(
                state.healthArrivals(), HEALTH_WIDTH)).orElse("");
        text(health, byType);
        setClassName("health-turn", !byType.isEmpty() && Math.floorDiv(now.getEpochSecond(), TURN.toSeconds()) % 2 == 1);
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
