package org.mashlive.wallboard.board;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.CapacityFeed;
import org.mashlive.wallboard.ForecastText;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * How many referrals are past their timescale (large, in the title), and the longest overdue of
 * them, each with its RAG in words; below, how many are due soon (within their warning window, see
 * {@link org.mashlive.wallboard.WarningWindows}) and those with the least time left. The server
 * sends up to {@link #MAX_SHOWN} of each; the stylesheet shows as many as the screen has room for
 * at full size, so a smaller screen shows fewer lines, never smaller ones, and the counts always
 * say how many there are. At the foot, the backend's forecast of how the day will end at the
 * recent pace, whole: where it takes more lines, the lists above show fewer. In portrait the tile
 * is short and wide: the due-soon count stands beside the breaches' and the due-soon lines and the
 * forecast give way to the breaches.
 */
final class BreachesTile extends Tile {

    static final int MAX_SHOWN = 12;

    private final Span count;
    private final UnorderedList list = new UnorderedList();
    private final Span soonCount = span("due-soon-count", "due-soon-count");
    private final Paragraph forecast = new Paragraph();
    private final CapacityFeed capacity;
    private final UnorderedList soonList = new UnorderedList();
    // the lines last rendered, so an unchanged list is left alone
    private List<Line> lines;
    private List<Line> soonLines;

    BreachesTile(CapacityFeed capacity) {
        this(new H2("Breaches "), capacity);
    }

    private BreachesTile(H2 title, CapacityFeed capacity) {
        super("breaches", title);
        this.capacity = capacity;
        count = span("breach-count", "tile-count", "key-figure");
        title.add(count);
        list.setId("breach-list");
        list.addClassNames("breach-list", "fitted-list");
        var soonTitle = new H3(new Span("Due soon "), soonCount);
        soonTitle.setId("due-soon-title");
        soonTitle.addClassName("due-soon-title");
        soonList.setId("due-soon-list");
        soonList.addClassNames("due-soon-list", "fitted-list");
        forecast.setId("breach-forecast");
        forecast.addClassName("breach-forecast");
        add(list, soonTitle, soonList, forecast);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        renderDueSoon(figures, now);
        // the backend's forecast of the day (see capacity.Forecaster), once the first figures have come
        var summary = capacity.latest();
        forecast.setVisible(summary.isPresent());
        text(forecast, summary.map(CapacitySummary::forecast).map(f -> ForecastText.endOfDay(f, figures.zone()))
                .orElse(summary.isPresent() ? ForecastText.UNKNOWN : ""));
        text(count, Integer.toString(figures.breachTotal()));
        var next = figures.breaches().stream()
                .map(card -> new Line(RagColumn.of(card.rag()), card.reference(), BoardText.late(card.dueAt(), now)))
                .toList();
        if (next.equals(lines)) {
            return;
        }
        lines = next;
        var items = new ArrayList<Component>();
        if (next.isEmpty()) {
            var none = new ListItem("No breaches");
            none.addClassName("none");
            items.add(none);
        }
        for (var line : next) {
            var item = new ListItem(new RagBadge(line.column()), withClass(new Span(line.reference()), "reference"),
                    withClass(new Span(line.overdue()), "overdue"));
            item.addClassNames("breach", "rag-" + line.column().key());
            items.add(item);
        }
        InPlace.children(list, items);
    }

    private void renderDueSoon(BoardFigures figures, Instant now) {
        text(soonCount, Integer.toString(figures.dueSoonTotal()));
        var next = figures.dueSoon().stream()
                .map(card -> new Line(RagColumn.of(card.rag()), card.reference(),
                        BoardText.timeLeft(Duration.between(now, card.dueAt()))))
                .toList();
        if (next.equals(soonLines)) {
            return;
        }
        soonLines = next;
        var items = new ArrayList<Component>();
        if (next.isEmpty()) {
            var none = new ListItem("None due soon");
            none.addClassName("none");
            items.add(none);
        }
        for (var line : next) {
            var item = new ListItem(new RagBadge(line.column()), withClass(new Span(line.reference()), "reference"),
                    withClass(new Span(line.overdue()), "left"));
            item.addClassNames("due-soon", "rag-" + line.column().key());
            items.add(item);
        }
        InPlace.children(soonList, items);
    }

    /** A line: its RAG, the reference and how overdue it is, or how much time it has left. */
    private record Line(RagColumn column, String reference, String overdue) {
    }
}
