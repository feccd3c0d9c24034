package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

/**
 * The newest events, newest first. Each line starts with its RAG as a badge (word and colour),
 * then the reference, then what happened, shortened by whole words to {@link #WHAT_CHARS}
 * characters, so no line loses its RAG or ends inside a word. The server sends up to
 * {@link #MAX_SHOWN} lines; the stylesheet shows as many as fit at full size.
 */
final class TickerTile extends Tile {

    static final int MAX_SHOWN = 8;
    /** What happened, at most: what the narrowest ticker column holds at the board's type size. */
    static final int WHAT_CHARS = 26;

    private final OrderedList list = new OrderedList();
    // the lines last rendered, so an unchanged list is left alone
    private List<Line> lines;

    TickerTile() {
        super("ticker", "Latest");
        list.setId("ticker-list");
        list.addClassNames("ticker-list", "fitted-list");
        add(list);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        var next = figures.recent().stream()
                .map(recent -> new Line(recent.column(), recent.reference(),
                        TickerText.shorten(recent.what(), WHAT_CHARS), BoardText.clock(recent.at(), figures.zone())))
                .toList();
        if (next.equals(lines)) {
            return;
        }
        lines = next;
        var items = new ArrayList<Component>();
        for (var line : next) {
            // reference and what happened read as one phrase ("MASH-… allocated to Q. Birch")
            var phrase = new Span(withClass(new Span(line.reference()), "reference"), new Text(" "),
                    withClass(new Span(line.what()), "what"));
            phrase.addClassName("phrase");
            // the time before the phrase in the page, so that it can stand at the right of the first line
            var item = new ListItem(new RagBadge(line.column()), withClass(new Span(line.time()), "time"), phrase);
            item.addClassNames("ticker-item", "rag-" + line.column().key());
            items.add(item);
        }
        InPlace.children(list, items);
    }

    private record Line(RagColumn column, String reference, String what, String time) {
    }
}
