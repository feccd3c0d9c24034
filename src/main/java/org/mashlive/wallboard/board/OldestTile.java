package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The referral of each RAG that has waited longest: how long (large), its reference, what is left
 * of its timescale, and the timescale itself.
 */
final class OldestTile extends Tile {

    private final Map<RagColumn, Card> cards = new EnumMap<>(RagColumn.class);

    OldestTile() {
        super("oldest", "Oldest waiting");
        var list = new Div();
        list.addClassName("oldest-cards");
        for (var column : RagColumn.values()) {
            var card = new Card(column);
            cards.put(column, card);
            list.add(card);
        }
        add(list);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        cards.forEach((column, card) -> card.render(figures, column));
    }

    private static final class Card extends Div {

        private final Span age;
        private final Span reference;
        private final Span status;
        private final Span timescale;

        Card(RagColumn column) {
            String id = "oldest-" + column.key();
            setId(id);
            addClassNames("oldest-card", "rag-" + column.key());
            age = span(id + "-age", "age", "key-figure");
            reference = span(id + "-reference", "reference");
            status = span(id + "-status", "status");
            timescale = span(id + "-timescale", "timescale");
            // two lines, each kept apart: a long age never narrows the line beneath it
            var first = new Div(new RagBadge(column), age, timescale);
            first.addClassName("oldest-line");
            var second = new Div(reference, status);
            second.addClassName("oldest-line");
            add(first, second);
        }

        void render(BoardFigures figures, RagColumn column) {
            var waitingLongest = figures.oldest().get(column);
            if (waitingLongest == null) {
                text(age, "–");
                text(reference, "None waiting");
                text(timescale, figures.timescales().getOrDefault(column, ""));
                text(status, "");
                status.setClassName("breached", false);
                return;
            }
            text(age, BoardText.duration(waitingLongest.age()));
            text(reference, waitingLongest.card().reference());
            text(timescale, figures.timescales().getOrDefault(column, "no timescale set"));
            text(status, BoardText.timeLeft(waitingLongest.timeLeft()));
            status.setClassName("breached", waitingLongest.breached());
        }
    }
}
