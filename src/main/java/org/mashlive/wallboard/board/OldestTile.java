package org.mashlive.wallboard.board;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.mashlive.board.api.ReferralCard;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The referral of each RAG that has waited longest: how long (large), its reference, what is left
 * of its timescale, and the timescale itself; or, in the timescale's place where the statutory
 * one-working-day decision falls at another time than the local timescale, when that is due (or
 * how late it is).
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
        cards.forEach((column, card) -> card.render(figures, column, now));
    }

    private static final class Card extends Div {

        private final Span age;
        private final Span reference;
        private final Span status;
        private final Span timescale;
        private final Span decision;

        Card(RagColumn column) {
            String id = "oldest-" + column.key();
            setId(id);
            addClassNames("oldest-card", "rag-" + column.key());
            age = span(id + "-age", "age", "key-figure");
            reference = span(id + "-reference", "reference");
            status = span(id + "-status", "status");
            timescale = span(id + "-timescale", "timescale");
            // two lines, each kept apart: a long age never narrows the line beneath it
            decision = span(id + "-decision", "decision");
            var first = new Div(new RagBadge(column), age, timescale, decision);
            first.addClassName("oldest-line");
            var second = new Div(reference, status);
            second.addClassName("oldest-line");
            add(first, second);
        }

        void render(BoardFigures figures, RagColumn column, Instant now) {
            var waitingLongest = figures.oldest().get(column);
            String due = waitingLongest == null ? null : decisionDue(waitingLongest.card(), now, figures.zone());
            // in the timescale's place: the card has room for two lines, and the statutory time is the
            // one to act on where they differ; the timescale is the same for every card of the RAG
            text(decision, due == null ? "" : due);
            decision.setVisible(due != null);
            timescale.setVisible(due == null);
            decision.setClassName("breached", waitingLongest != null && waitingLongest.card().decisionOverdueAt(now));
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

        /**
         * "decide by 16:59" (today) or "decide by Mon 16:59", or "decision 2 h late": null when the card has no
         * statutory due time or it is the same as its timescale's, which the line above says already.
         */
        private static String decisionDue(ReferralCard card, Instant now, ZoneId zone) {
            if (card.decisionDueAt() == null || card.decisionDueAt().equals(card.dueAt())) {
                return null;
            }
            if (card.decisionOverdueAt(now)) {
                return "decision " + lateness(Duration.between(card.decisionDueAt(), now)) + " late";
            }
            return "decide by " + BoardText.when(card.decisionDueAt(), now, zone);
        }
    }

    /**
     * How late a decision is, to the minute within the first hour and to the hour after: the card's
     * first line also holds the age at key-figure size, and with minutes too ("decision 2 h 40 m late"
     * beside "14 h 0 m") it no longer fits a 1280-pixel board on one line.
     */
    static String lateness(Duration late) {
        long minutes = Math.max(0, late.toMinutes());
        if (minutes < 60) {
            return BoardText.duration(late);
        }
        long hours = minutes / 60;
        return hours < 24 ? hours + " h" : BoardText.duration(late);
    }
}
