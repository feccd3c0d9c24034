package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mashlive.board.api.StaffCard;
import org.mashlive.wallboard.BoardText;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Out-of-hours cover: who covers now, the next handover and to whom (two names at most, then how
 * many more), the next gap in the rota
 * (which says GAP in words as well as standing out, so it needs no label of its own), and the
 * contacts taken out of hours still to be picked up, with the reference of the oldest of them and
 * how many more there are. One reference on one line, shown only where a whole line is left below
 * the rota's words: out of hours, with nobody on duty, the handover and the gap can take two lines
 * each, and the line would run past the foot of the tile; the count of the contacts to pick up
 * stays.
 */
final class OutOfHoursTile extends Tile {

    static final int MAX_REFERENCES = 1;
    /**
     * Names on the line of who covers, and on the line of whom the next handover goes to; the rest
     * are counted. Three do not fit the line on any screen; what of two does not is cut short.
     */
    static final int NAMES_SHOWN = 2;

    private final Span coveringNames = span("ooh-covering-names", "names");
    private final Span coveringMore = span("ooh-covering-more", "more");
    private final Span covering = namesLine("ooh-covering", coveringNames, coveringMore);
    private final Span handoverNames = span("ooh-handover-names", "names");
    private final Span handoverMore = span("ooh-handover-more", "more");
    private final Span handover = namesLine("ooh-handover", handoverNames, handoverMore);
    private final Span gap = span("ooh-gap");
    private final Span contacts = span("ooh-contacts-count", "figure-small");
    private final Span references = span("ooh-contacts-refs", "references");
    // the references last shown, so that an unchanged line is left alone
    private List<String> referencesShown = List.of();

    OutOfHoursTile() {
        super("ooh", "Out of hours");
        // the room left below the rows: the references show only when a whole line fits in it
        var room = new Div(references);
        room.addClassName("ooh-references-room");
        // the next gap needs no label: it says GAP in words, or that there is none
        var rows = new Div(row("Covering now", covering), row("Next handover", handover), row(null, gap),
                row("Taken out of hours, to pick up", contacts), room);
        rows.addClassName("ooh-rows");
        add(rows);
    }

    /**
     * A line of names: the names, cut short where the line ends, then how many more, never cut.
     * One line, however long the names or narrow the screen, so the rows below stay in the tile.
     */
    private static Span namesLine(String id, Span names, Span more) {
        var line = new Span(names, more);
        line.setId(id);
        line.addClassName("names-line");
        return line;
    }

    /** A row: its label, if any, then its value. */
    private static Div row(String name, Component value) {
        value.getElement().getClassList().add("row-value");
        var row = new Div();
        if (name != null) {
            var label = new Span(name);
            label.addClassName("row-label");
            row.add(label);
        }
        row.add(value);
        row.addClassName("ooh-row");
        return row;
    }

    /** The first {@link #NAMES_SHOWN} names in the rota's order. */
    private static String names(List<StaffCard> people) {
        return String.join(", ", people.stream().limit(NAMES_SHOWN).map(StaffCard::displayName).toList());
    }

    /** How many more than {@link #NAMES_SHOWN} there are, as the end of the line; empty when none. */
    private static String more(List<StaffCard> people) {
        return people.size() > NAMES_SHOWN ? " +" + (people.size() - NAMES_SHOWN) + " more" : "";
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        var cover = figures.cover();
        if (cover == null) {
            text(coveringNames, "–");
            text(coveringMore, "");
            covering.setClassName("gap", false);
            text(handoverNames, "–");
            text(handoverMore, "");
            text(gap, "–");
            gap.setClassName("gap", false);
            text(contacts, "–");
            references.removeAll();
            referencesShown = List.of();
            return;
        }
        text(coveringNames, cover.coreHours() ? "Core hours · the hub"
                : cover.covering().isEmpty() ? "Nobody on duty"
                : names(cover.covering()));
        // in core hours, and with no handover or one to core hours, the lists are empty
        text(coveringMore, more(cover.covering()));
        covering.setClassName("gap", !cover.coreHours() && cover.covering().isEmpty());
        String next = cover.nextHandover() == null ? ""
                : cover.nextCoreHours() ? " → core hours"
                : cover.next().isEmpty() ? " → nobody"
                : " → " + names(cover.next());
        text(handoverNames, BoardText.when(cover.nextHandover(), now, figures.zone()) + next);
        text(handoverMore, more(cover.next()));
        var gaps = cover.gaps();
        text(gap, gaps.isEmpty() ? "No gaps in the next 72 h" : "GAP " + BoardText.gap(gaps.getFirst(), figures.zone())
                + (gaps.size() > 1 ? " (+" + (gaps.size() - 1) + " more)" : ""));
        gap.setClassName("gap", !gaps.isEmpty());
        var waiting = figures.oohContacts();
        text(contacts, Integer.toString(waiting.count()));
        var shown = waiting.references().subList(0, Math.min(MAX_REFERENCES, waiting.count()));
        int more = waiting.count() - shown.size();
        var line = new ArrayList<>(shown);
        if (more > 0) {
            line.add("+" + more + " more");
        }
        if (!line.equals(referencesShown)) {
            referencesShown = line;
            var parts = new ArrayList<Component>();
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    parts.add(new Text(" · "));
                }
                parts.add(withClass(new Span(line.get(i)), "reference"));
            }
            InPlace.children(references, parts);
        }
    }
}
