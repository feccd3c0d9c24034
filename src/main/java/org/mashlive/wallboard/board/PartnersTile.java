package org.mashlive.wallboard.board;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mashlive.board.api.Agency;
import org.mashlive.board.api.PartnerWaiting;
import org.mashlive.wallboard.BoardFeed;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * Waiting on partners: how many information requests the hub waits for and how many are overdue
 * (in the title), then one line per agency with any waiting, the most overdue first: how many, how
 * many overdue, and the oldest against its due time ("oldest 2 d late", "oldest due in 3 h"). Every
 * colour has its word beside it; no names, no references. The stylesheet shows as many lines as fit,
 * so a smaller screen shows fewer agencies, never smaller type, and the title always counts them all.
 *
 * <p>Where not every agency fits, the last line that fits says what the hidden ones hold instead
 * ("+2 more agencies · 5 waiting · 1 overdue"), so the lines shown and that one always add up to the
 * title. The server cannot know how many lines the screen has room for, so it sends that line's words
 * for every number of agencies shown ({@link #more}); the stylesheet, which knows the room, shows the
 * one that fits (see {@code wallboard.css}). The agencies hidden are always the least urgent ones.
 * Where the list has room for one line only, that line is the most urgent agency's, and the rest are
 * counted at its end in place of its oldest ("+2 more · 5 waiting").
 */
final class PartnersTile extends Tile {

    private final BoardFeed feed;
    private final Span waiting = span("partners-waiting", "partners-count");
    private final Span overdue = span("partners-overdue", "partners-overdue");
    private final UnorderedList list = new UnorderedList();
    private List<Line> lines;

    PartnersTile(BoardFeed feed) {
        this(new H2("Waiting on partners "), feed);
    }

    private PartnersTile(H2 title, BoardFeed feed) {
        super("partners", title);
        this.feed = feed;
        title.add(waiting, overdue);
        list.setId("partner-list");
        list.addClassNames("partner-list", "fitted-list");
        add(list);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        var agencies = feed.read(state -> state.waitingOnPartners(now)).orElse(List.of());
        int open = agencies.stream().mapToInt(PartnerWaiting::open).sum();
        int late = agencies.stream().mapToInt(PartnerWaiting::overdue).sum();
        text(waiting, Integer.toString(open));
        text(overdue, late == 0 ? "" : "· " + late + " overdue");
        setClassName("has-overdue", late > 0);
        var next = lines(agencies);
        if (next.equals(lines)) {
            return;
        }
        lines = next;
        var items = new ArrayList<Component>();
        if (next.isEmpty()) {
            var none = new ListItem("Nothing waiting");
            none.addClassName("none");
            items.add(none);
        }
        for (var line : next) {
            var item = new ListItem(withClass(new Span(line.agency()), "agency"),
                    withClass(new Span(line.open()), "open"));
            if (!line.overdue().isEmpty()) {
                item.add(withClass(new Span(line.overdue()), "overdue"));
            }
            // "oldest" is a word of its own, which a narrow (portrait) tile leaves out
            var oldest = new Span(withClass(new Span("oldest "), "word"), new Span(line.oldest()));
            oldest.addClassName("oldest");
            if (line.late()) {
                oldest.addClassName("late");
            }
            item.add(oldest);
            if (line == next.getFirst() && next.size() > 1) {
                // where the list has room for this line only, the rest are counted at its end instead of its oldest
                var rest = more(next, 1);
                var inline = new Span(withClass(new Span(rest.count()), "more-agencies"),
                        withClass(new Span(" · " + rest.waiting()), "more-waiting"));
                inline.addClassNames("more-variant", "more-inline");
                inline.getElement().setAttribute("data-shown", "1");
                item.add(inline);
            }
            item.addClassName("partner");
            item.getElement().setAttribute("data-agency", line.key());
            items.add(item);
        }
        if (next.size() > 1) {
            // the last line the list has room for, when it has not room for all: hidden unless so
            var more = new ListItem();
            more.addClassName("more");
            more.setId("partners-more");
            for (int shown = 0; shown < next.size(); shown++) {
                var words = more(next, shown);
                var variant = new Span(withClass(new Span(words.agencies()), "more-agencies"),
                        withClass(new Span(" · "), "sep"), withClass(new Span(words.waiting()), "more-waiting"));
                if (!words.overdue().isEmpty()) {
                    variant.add(withClass(new Span(" · "), "sep"), withClass(new Span(words.overdue()), "more-overdue"));
                }
                variant.addClassName("more-variant");
                variant.getElement().setAttribute("data-shown", Integer.toString(shown));
                more.add(variant);
            }
            items.add(more);
        }
        InPlace.children(list, items);
    }

    /**
     * What the tile says of the agencies it hides when it shows only the first {@code shown} of
     * {@code lines}: how many agencies, how many requests they wait on and, if any, how many of those
     * are overdue ("+2 more agencies", "5 waiting", "1 overdue"; none overdue: "").
     */
    static More more(List<Line> lines, int shown) {
        var hidden = lines.subList(shown, lines.size());
        int agencies = hidden.size();
        int waiting = hidden.stream().mapToInt(Line::waiting).sum();
        int late = hidden.stream().mapToInt(Line::overdueCount).sum();
        String count = agencies + (agencies == 1 ? " agency" : " agencies");
        return new More(shown == 0 ? count : "+" + agencies + " more " + count.substring(count.indexOf(' ') + 1),
                waiting + " waiting", late == 0 ? "" : late + " overdue");
    }

    /** The words for the agencies hidden: how many, how many requests they hold, how many of those are overdue. */
    record More(String agencies, String waiting, String overdue) {

        /** How many agencies, as the end of the one agency's line says it: "+2 more". */
        String count() {
            return agencies.replaceFirst(" agenc(y|ies)$", "");
        }

        /** The line as it reads. */
        @Override
        public String toString() {
            return agencies + " · " + waiting + (overdue.isEmpty() ? "" : " · " + overdue);
        }
    }

    /** The agencies with requests waiting, the most overdue first, then the latest oldest, then the most waiting. */
    static List<Line> lines(List<PartnerWaiting> agencies) {
        return agencies.stream()
                .filter(agency -> agency.open() > 0)
                .sorted(Comparator.comparingInt(PartnerWaiting::overdue).reversed()
                        .thenComparing(PartnerWaiting::lateBy, Comparator.reverseOrder())
                        .thenComparing(Comparator.comparingInt(PartnerWaiting::open).reversed()))
                .map(agency -> new Line(agency.agency().name(), label(agency.agency()), Integer.toString(agency.open()),
                        agency.overdue() == 0 ? "" : agency.overdue() + " overdue",
                        agency.oldestLate() ? coarse(agency.lateBy()) + " late"
                                : "due in " + coarse(agency.lateBy().negated()),
                        agency.oldestLate(), agency.open(), agency.overdue()))
                .toList();
    }

    /** The agency as the board names it: short enough for a line. */
    static String label(Agency agency) {
        return agency == Agency.OTHER_LOCAL_AUTHORITY ? "Other council" : agency.label();
    }

    /** A time in its largest unit, rounded down: {@code 2 d}, {@code 5 h}, {@code 12 m}, {@code < 1 m}. */
    static String coarse(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "< 1 m";
        }
        if (minutes < 60) {
            return minutes + " m";
        }
        long hours = minutes / 60;
        return hours < 24 ? hours + " h" : hours / 24 + " d";
    }

    /** A line of the tile, with the numbers behind its words. */
    record Line(String key, String agency, String open, String overdue, String oldest, boolean late, int waiting,
                int overdueCount) {
    }
}
