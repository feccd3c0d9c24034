package org.mashlive.wallboard.board;

import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.WorkType;
import org.mashlive.wallboard.DueSoon;
import org.mashlive.wallboard.WarningWindows;

/**
 * How a ticker line words what happened. The line shows the RAG as a badge and the reference
 * apart, so this is only what happened, for example {@code moved to screening} or
 * {@code received · Police}; and it is shortened by whole words, never cut inside one.
 */
final class TickerText {

    private TickerText() {
    }

    /** What happened, without the reference or the RAG. */
    static String what(BoardEvent event) {
        if (event.allocation() != null) {
            return (event.allocation().workType() == WorkType.POLICE_CHECK ? "police checks " : "")
                    + "allocated to " + event.allocation().staffName();
        }
        var card = event.referral();
        if (card == null) {
            // not shown on the ticker; worded plainly should that change
            return event.staff() != null ? event.staff().displayName() + " " + event.type().verb()
                    : "shift " + event.type().verb();
        }
        var type = event.type();
        return switch (type) {
            case STAGE_CHANGED -> type.verb() + " to " + card.stage().label().toLowerCase();
            case POLICE_CHECK_DONE, DECISION_AWAITING_SIGN_OFF, DECISION_RETURNED -> type.verb();
            case REFERRAL_DECIDED -> type.verb() + (card.outcome() == null ? "" : " · " + card.outcome().label());
            default -> type.verb() + (card.stage() == org.mashlive.board.api.Stage.INFORMATION_ONLY
                    ? " · info only" : "") + " · " + org.mashlive.wallboard.HealthWords.source(card);
        };
    }

    /**
     * As {@link #what(BoardEvent)}, and for a child named in a contact with brothers or sisters
     * still open, how many children of the household wait: {@code received · Police · 3 siblings}.
     */
    static String what(BoardEvent event, org.mashlive.board.api.BoardState state) {
        var card = event.referral();
        if (card == null || card.contactId() == null
                || event.type() != org.mashlive.board.api.BoardEventType.REFERRAL_RECEIVED) {
            return what(event);
        }
        long household = state.open().stream().filter(open -> card.contactId().equals(open.contactId())).count();
        return what(event) + (household > 1 ? " · " + household + " siblings" : "");
    }

    /**
     * What a crossing was: {@code due soon · 60 m left} for a Red (its window in elapsed time),
     * {@code due in 4 working h} for the others, {@code breached its timescale}.
     */
    static String what(DueSoon.Crossing crossing, WarningWindows windows) {
        if (crossing.kind() == DueSoon.Kind.BREACHED) {
            return "breached its timescale";
        }
        return crossing.card().rag() == Rag.RED ? "due soon · " + window(windows.red(), "") + " left"
                : "due in " + window(windows.others(), "working ");
    }

    /** A window as it was configured: {@code 1 h}, {@code 90 m}, {@code 4 working h}. */
    private static String window(java.time.Duration window, String kind) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " " + kind + "h" : minutes + " " + kind + "m";
    }

    /** The reference a line is about. */
    static String reference(BoardEvent event) {
        if (event.allocation() != null) {
            return event.allocation().reference();
        }
        return event.referral() != null ? event.referral().reference() : "";
    }

    /**
     * {@code text} cut to at most {@code maxChars} characters at a word boundary, with {@code …}
     * after the last whole word kept (and no separator left dangling before it); unchanged when it
     * fits. A first word longer than the limit is kept whole: a word is never cut.
     */
    static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        var words = text.split(" ");
        var kept = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            // room for the space, the word and the ellipsis
            if (kept.length() + 1 + words[i].length() + 1 > maxChars) {
                break;
            }
            kept.append(' ').append(words[i]);
        }
        var shortened = kept.toString();
        while (shortened.endsWith(" ·") || shortened.endsWith(" /") || shortened.endsWith(",")) {
            shortened = shortened.substring(0, shortened.lastIndexOf(shortened.endsWith(",") ? "," : " ")).stripTrailing();
        }
        return shortened + "…";
    }
}
