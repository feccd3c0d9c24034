package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.mashlive.board.api.Flag;
import org.mashlive.wallboard.BoardFeed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The children the hub worries most about, without names: for each flag, how many open referrals
 * carry it and how many of them are past their timescale ("SEND 7 · 2 late"). One short phrase a
 * flag, which wrap as whole phrases; a late count stands out in amber beside its word.
 *
 * <p>A full board has no free room at full type size, so on a landscape screen the tile takes
 * turns with the capacity tile in its place, {@link #TURN} each, while any open referral carries a
 * flag (the turn is the tile's {@code showing} class; the style sheet hides the other tile). A
 * portrait screen leaves it out, as it does the decisions tile: fewer things rather than smaller
 * (docs/decisions/0026-flags-and-sources-on-the-board.md).
 */
final class FlagsTile extends Tile {

    /** The board's words for each flag: short enough for a phrase on one line. */
    static final Map<Flag, String> WORDS = words();

    /** How long each of the two tiles sharing the place is shown before the other. */
    static final java.time.Duration TURN = java.time.Duration.ofSeconds(10);

    private final BoardFeed feed;
    private final Map<Flag, Span> counts = new EnumMap<>(Flag.class);
    private final Map<Flag, Span> lates = new EnumMap<>(Flag.class);
    private final Map<Flag, Div> items = new EnumMap<>(Flag.class);

    FlagsTile(BoardFeed feed) {
        super("flags", "Flagged children waiting");
        this.feed = feed;
        var list = new Div();
        list.addClassName("flag-items");
        for (var flag : Flag.values()) {
            String key = flag.name().toLowerCase(Locale.ROOT).replace('_', '-');
            var count = span("flag-" + key + "-count", "flag-count");
            var late = span("flag-" + key + "-late", "flag-late");
            var item = new Div(label(WORDS.get(flag)), count, late);
            item.setId("flag-" + key);
            item.addClassName("flag-item");
            counts.put(flag, count);
            lates.put(flag, late);
            items.put(flag, item);
            list.add(item);
        }
        add(list);
    }

    private static Map<Flag, String> words() {
        var words = new EnumMap<Flag, String>(Flag.class);
        words.put(Flag.SEND, "SEND");
        words.put(Flag.NON_VERBAL, "Non-verbal");
        words.put(Flag.ASYLUM_SEEKING, "New arrival");
        words.put(Flag.ASD_CONCERN, "ASD concern");
        words.put(Flag.DOMESTIC_ABUSE, "Domestic abuse");
        return Map.copyOf(words);
    }

    @Override
    void render(BoardFigures figures, Instant now) {
        var shown = feed.read(state -> FlagFigures.of(state.open(), now)).orElse(FlagFigures.NONE);
        for (var flag : Flag.values()) {
            var count = shown.of(flag);
            text(counts.get(flag), Integer.toString(count.open()));
            text(lates.get(flag), count.late() == 0 ? "" : "· " + count.late() + " late");
            items.get(flag).setClassName("has-late", count.late() > 0);
            items.get(flag).setClassName("none", count.open() == 0);
        }
        boolean anyFlagged = shown.counts().values().stream().anyMatch(count -> count.open() > 0);
        setClassName("showing", anyFlagged && showingAt(now));
    }

    /** Whether it is this tile's turn at {@code now}: every other {@link #TURN}, from the epoch. */
    static boolean showingAt(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), TURN.toSeconds()) % 2 == 1;
    }

    /** The tile's text as a person reads it: "SEND 7 · 2 late, Non-verbal 0, …". */
    String said() {
        var said = new StringBuilder();
        for (var flag : Flag.values()) {
            if (!said.isEmpty()) {
                said.append(", ");
            }
            said.append(WORDS.get(flag)).append(' ').append(counts.get(flag).getText());
            if (!lates.get(flag).getText().isEmpty()) {
                said.append(' ').append(lates.get(flag).getText());
            }
        }
        return said.toString();
    }
}
