package org.mashlive.wallboard.board;

import java.time.Instant;

import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.BoardText;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Decisions: how many wait for a lead's sign-off and the oldest's age, and how many statutory
 * decisions are due later today with how many of them at risk, and how many are already late. Two lines at the board's type size;
 * counts and ages, never whose decision or about whom.
 */
final class DecisionsTile extends Tile {

    private final BoardFeed feed;
    private final Span signOff = span("signoff-count", "decision-figure");
    private final Span signOffOldest = span("signoff-oldest", "decision-note");
    private final Span dueToday = span("due-today-count", "decision-figure");
    private final Span atRisk = span("due-today-risk", "decision-note");

    DecisionsTile(BoardFeed feed) {
        super("decisions", "Decisions");
        this.feed = feed;
        var first = new Div(label("Awaiting sign-off"), signOff, signOffOldest);
        first.addClassName("decision-line");
        var second = new Div(label("Due today"), dueToday, atRisk);
        second.addClassName("decision-line");
        add(first, second);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        var shown = feed.read(state -> DecisionFigures.of(state.open(), now, state.zone())).orElse(DecisionFigures.NONE);
        text(signOff, Integer.toString(shown.awaitingSignOff()));
        text(signOffOldest, shown.oldestWait() == null ? "" : "oldest " + BoardText.duration(shown.oldestWait()));
        text(dueToday, Integer.toString(shown.dueToday()));
        text(atRisk, note(shown));
        setClassName("has-risk", shown.atRisk() > 0);
        setClassName("has-late", shown.late() > 0);
    }

    /** Beside the count due today: how many of them are at risk, and how many decisions are already late. */
    static String note(DecisionFigures shown) {
        var parts = new java.util.ArrayList<String>();
        if (shown.dueToday() > 0) {
            parts.add(shown.atRisk() + " at risk");
        }
        if (shown.late() > 0) {
            parts.add(shown.late() + " late");
        }
        // set off from the count it follows, so "0 · 50 late" never reads as one number
        return parts.isEmpty() ? "" : "· " + String.join(" · ", parts);
    }
}
