package org.mashlive.wallboard.board;

import java.time.Instant;

import org.mashlive.wallboard.BoardText;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The police desk: officers on site against the most there can be, how many are on checks, free
 * (on shift, not on a break, no check in hand) or on a break, and the checks waiting for them.
 */
final class PoliceDeskTile extends Tile {

    private final Span onSite = span("officers-on-site", "figure", "key-figure");
    private final Span max = span("officers-max", "of-max");
    private final Span onChecks = span("officers-on-checks", "figure-small");
    private final Span free = span("officers-free", "figure-small");
    private final Span onBreak = span("officers-on-break", "figure-small");
    private final Span checksWaiting = span("checks-waiting", "figure-small");
    private final Span unallocated = span("checks-unallocated", "label");
    private final Span oldest = span("checks-oldest", "label");

    PoliceDeskTile() {
        super("officers", "Police officers on site");
        var main = new Div(onSite, max, label("on site"));
        main.addClassName("officers-main");
        var split = new Div(pair(onChecks, "on checks"), pair(free, "free"), pair(onBreak, "on a break"),
                pair(checksWaiting, "checks waiting"));
        split.addClassName("officers-split");
        var checks = new Div(unallocated, oldest);
        checks.addClassName("officers-checks");
        add(main, split, checks);
    }

    private static Div pair(Span figure, String name) {
        var pair = new Div(figure, label(name));
        pair.addClassName("officers-pair");
        return pair;
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        var desk = figures.officers();
        text(onSite, desk == null ? "–" : Integer.toString(desk.onSite()));
        text(max, desk == null ? "" : " / " + desk.max());
        text(free, desk == null ? "–" : Integer.toString(desk.free()));
        text(onBreak, desk == null ? "–" : Integer.toString(desk.onBreak()));
        text(onChecks, desk == null ? "–" : Integer.toString(desk.onChecks()));
        text(checksWaiting, desk == null ? "–" : Integer.toString(desk.checksWaiting()));
        boolean anyWaiting = desk != null && desk.oldestWaiting() != null;
        text(unallocated, anyWaiting ? desk.checksUnallocated() + " not allocated" : "");
        text(oldest, anyWaiting
                // the age is kept on one line when the line wraps
                ? "oldest " + desk.oldestWaiting().reference() + " · "
                        + BoardText.duration(desk.oldestAge()).replace(' ', '\u00a0') : "");
    }
}
