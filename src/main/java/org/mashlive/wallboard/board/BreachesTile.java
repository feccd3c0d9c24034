package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.List;

import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * How many referrals are past their timescale (large, in the title), and the longest overdue of
 * them, each with its RAG in words. The server sends up to {@link #MAX_SHOWN}; the stylesheet shows
 * as many as the screen has room for at full size, so a smaller screen shows fewer lines, never
 * smaller ones, and the count in the title always says how many there are.
 */
final class BreachesTile extends Tile {

    static final int MAX_SHOWN = 12;

    private final Span count;
    private final UnorderedList list = new UnorderedList();
    // the lines last rendered, so an unchanged list is left alone
    private List<Line> lines;

    BreachesTile() {
        this(new H2("Breaches "));
    }

    private BreachesTile(H2 title) {
        super("breaches", title);
        count = span("breach-count", "tile-count", "key-figure");
        title.add(count);
        list.setId("breach-list");
        list.addClassNames("breach-list", "fitted-list");
        add(list);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        text(count, Integer.toString(figures.breachTotal()));
        var next = figures.breaches().stream()
                .map(card -> new Line(RagColumn.of(card.rag()), card.reference(), BoardText.overdue(card.dueAt(), now)))
                .toList();
        if (next.equals(lines)) {
            return;
        }
        lines = next;
        list.removeAll();
        if (next.isEmpty()) {
            var none = new ListItem("No breaches");
            none.addClassName("none");
            list.add(none);
        }
        for (var line : next) {
            var item = new ListItem(new RagBadge(line.column()), withClass(new Span(line.reference()), "reference"),
                    withClass(new Span(line.overdue()), "overdue"));
            item.addClassNames("breach", "rag-" + line.column().key());
            list.add(item);
        }
    }

    private record Line(RagColumn column, String reference, String overdue) {
    }
}
