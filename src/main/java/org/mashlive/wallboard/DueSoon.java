package org.mashlive.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;

/**
 * Warnings before a breach, worked out from the board as it stands and the instant: which open
 * referrals are due soon (within {@link WarningWindows} of their due time), and when each crossed
 * into "due soon" and into breach. Nothing is sent when a referral crosses: the crossing is a
 * matter of its due time and the clock, so every board works out the same crossings from the same
 * cards at the same instant, a board started late shows the crossings it did not see happen, and a
 * re-rating (a new due time) moves them with it.
 */
public final class DueSoon {

    /** How far back the ticker looks for crossings: older ones have long given way to newer events. */
    public static final Duration LOOKBACK = Duration.ofHours(12);

    private DueSoon() {
    }

    /** A referral that crossed a line at {@code at}: into {@link Kind#DUE_SOON} or {@link Kind#BREACHED}. */
    public record Crossing(ReferralCard card, Kind kind, Instant at) {
    }

    /** The lines a referral crosses on its way to its due time. */
    public enum Kind { DUE_SOON, BREACHED }

    /**
     * The open referrals due soon at {@code now}: not breached, and within their window of their
     * due time. Least time left first.
     */
    public static List<ReferralCard> at(Collection<ReferralCard> open, CoreHours core, WarningWindows windows,
                                        Instant now) {
        return open.stream()
                .filter(card -> dueSoon(card, core, windows, now))
                .sorted(Comparator.comparing(ReferralCard::dueAt).thenComparing(ReferralCard::id))
                .toList();
    }

    /** Whether {@code card} is due soon at {@code now}: open, not breached, its warning begun. */
    public static boolean dueSoon(ReferralCard card, CoreHours core, WarningWindows windows, Instant now) {
        return card.open() && card.dueAt() != null && !card.breachedAt(now)
                && !now.isBefore(warnsFrom(card, core, windows));
    }

    /**
     * When {@code card} becomes due soon: its window before its due time, in elapsed time for Red and
     * in working time on {@code core} for the others.
     */
    public static Instant warnsFrom(ReferralCard card, CoreHours core, WarningWindows windows) {
        return card.rag() == Rag.RED ? card.dueAt().minus(windows.red())
                : minusWorkingTime(core, card.dueAt(), windows.others());
    }

    /**
     * The crossings in {@code (from, now]} of the open referrals, newest first. A referral that was
     * due soon from the moment it came in (its warning began before it was received) did not cross
     * into it and is left out; its breach is not.
     */
    public static List<Crossing> crossings(Collection<ReferralCard> open, CoreHours core, WarningWindows windows,
                                           Instant from, Instant now) {
        var crossings = new ArrayList<Crossing>();
        for (var card : open) {
            if (!card.open() || card.dueAt() == null) {
                continue;
            }
            Instant warns = warnsFrom(card, core, windows);
            if (warns.isAfter(from) && !warns.isAfter(now) && warns.isAfter(card.receivedAt())) {
                crossings.add(new Crossing(card, Kind.DUE_SOON, warns));
            }
            // breached just after the due instant (see ReferralCard.breachedAt); shown at the due time
            if (card.dueAt().isAfter(from) && card.breachedAt(now)) {
                crossings.add(new Crossing(card, Kind.BREACHED, card.dueAt()));
            }
        }
        crossings.sort(Comparator.comparing(Crossing::at).reversed()
                .thenComparing(crossing -> crossing.card().id(), Comparator.reverseOrder()));
        return crossings;
    }

    /**
     * The instant that is {@code amount} of working time before {@code t} on {@code core}: working
     * time is core hours on working days. Walks back day by day, at most a year.
     */
    static Instant minusWorkingTime(CoreHours core, Instant t, Duration amount) {
        Duration left = amount;
        LocalDate day = t.atZone(core.zone()).toLocalDate();
        for (int i = 0; i < 366; i++, day = day.minusDays(1)) {
            if (!core.isWorkingDay(day)) {
                continue;
            }
            Instant start = core.startOf(day);
            Instant end = core.endOf(day).isAfter(t) ? t : core.endOf(day);
            if (!end.isAfter(start)) {
                continue;
            }
            Duration today = Duration.between(start, end);
            if (today.compareTo(left) >= 0) {
                return end.minus(left);
            }
            left = left.minus(today);
        }
        throw new IllegalStateException("no working time in the year before " + t);
    }
}
