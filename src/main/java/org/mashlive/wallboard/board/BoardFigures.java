package org.mashlive.wallboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Rota;
import org.mashlive.board.api.SourceGroup;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.TimescaleInfo;
import org.mashlive.wallboard.DueSoon;
import org.mashlive.wallboard.RagColumn;
import org.mashlive.wallboard.WarningWindows;

/**
 * What one render of the board shows, taken from a {@link BoardState} at one instant; it holds
 * only as much of each list as the screen has room for.
 *
 * @param counts      open referrals by stage (rows, {@link #STAGES} order) and RAG column
 * @param oldest      the oldest open referral of each RAG column that has one
 * @param timescales  the timescale label of each RAG column that has one
 * @param breaches    the longest-overdue breaches, at most as many as asked for
 * @param breachTotal how many breaches there are in all
 * @param arrivals    today's arrivals by source group, with shares
 * @param day         the day the arrivals count
 * @param recent      the newest events, at most as many as asked for, each with the RAG of its referral
 * @param officers    the police desk: officers on site, on checks, free, and the checks waiting
 * @param cover       out-of-hours cover: who covers, the next handover, the gaps ahead
 * @param oohContacts contacts taken out of hours waiting for pick-up
 * @param zone        the hub's zone, in which every time on the board is shown
 * @param dueSoon     the referrals due soon, least time left first, at most as many as asked for
 * @param dueSoonTotal how many are due soon in all
 */
record BoardFigures(
        int[][] counts,
        Map<RagColumn, BoardState.Oldest> oldest,
        Map<RagColumn, String> timescales,
        List<ReferralCard> breaches,
        int breachTotal,
        List<BoardState.Share> arrivals,
        LocalDate day,
        List<Recent> recent,
        BoardState.PoliceDesk officers,
        Rota.OutOfHoursCover cover,
        BoardState.OutOfHoursContacts oohContacts,
        List<ReferralCard> dueSoon,
        int dueSoonTotal,
        ZoneId zone) {

    /** The open stages, the rows of the stage × RAG table. */
    static final List<Stage> STAGES = Arrays.stream(Stage.values()).filter(Stage::open).toList();

    static BoardFigures of(BoardState state, Instant now, int maxBreaches, int maxRecent) {
        return of(state, now, maxBreaches, maxRecent, WarningWindows.DEFAULT);
    }

    /** The figures at {@code now}, with referrals due soon by {@code windows}. */
    static BoardFigures of(BoardState state, Instant now, int maxBreaches, int maxRecent, WarningWindows windows) {
        var counts = new int[STAGES.size()][RagColumn.values().length];
        for (var card : state.open()) {
            int row = STAGES.indexOf(card.stage());
            if (row >= 0) {
                counts[row][RagColumn.of(card.rag()).ordinal()]++;
            }
        }
        var oldest = new EnumMap<RagColumn, BoardState.Oldest>(RagColumn.class);
        state.oldestByRag(now).forEach(o -> oldest.put(RagColumn.of(o.rag()), o));
        var timescales = new EnumMap<RagColumn, String>(RagColumn.class);
        for (TimescaleInfo info : state.timescales()) {
            timescales.put(RagColumn.of(info.rag()), info.label());
        }
        var breaches = state.breaches(now);
        var core = state.rota().settings().coreHours();
        var dueSoon = DueSoon.at(state.open(), core, windows, now);
        var recent = recent(state, core, windows, now, maxRecent);
        return new BoardFigures(counts, Map.copyOf(oldest), Map.copyOf(timescales),
                List.copyOf(breaches.subList(0, Math.min(maxBreaches, breaches.size()))), breaches.size(),
                state.arrivalShares(), state.day(),
                recent,
                state.policeDesk(now), state.outOfHoursCover(now), state.outOfHoursContacts(now),
                List.copyOf(dueSoon.subList(0, Math.min(maxBreaches, dueSoon.size()))), dueSoon.size(), state.zone());
    }

    /**
     * The ticker: the newest events merged by time with the crossings into "due soon" and into
     * breach of the last {@link DueSoon#LOOKBACK}, newest first, at most {@code maxRecent}.
     */
    private static List<Recent> recent(BoardState state, CoreHours core, WarningWindows windows, Instant now,
                                       int maxRecent) {
        var lines = new ArrayList<Recent>();
        for (var event : state.recent()) {
            lines.add(new Recent(ragOf(event, state), TickerText.reference(event), TickerText.what(event, state), event.at()));
        }
        for (var crossing : DueSoon.crossings(state.open(), core, windows, now.minus(DueSoon.LOOKBACK), now)) {
            lines.add(new Recent(RagColumn.of(crossing.card().rag()), crossing.card().reference(),
                    TickerText.what(crossing, windows), crossing.at()));
        }
        // a stable sort: events keep their order (newest first) among lines of the same instant
        lines.sort(Comparator.comparing(Recent::at).reversed());
        return List.copyOf(lines.subList(0, Math.min(maxRecent, lines.size())));
    }

    /**
     * A line of the ticker: an event, or a referral crossing into "due soon" or into breach.
     *
     * @param column    the RAG its line is badged with: the referral's RAG as the event left it; for
     *                  an allocation, which carries no RAG, the referral's RAG now if it is still open
     * @param reference the referral it is about
     * @param what      what happened, in full (the tile shortens it)
     * @param at        when
     */
    record Recent(RagColumn column, String reference, String what, Instant at) {
    }

    private static RagColumn ragOf(BoardEvent event, BoardState state) {
        if (event.referral() != null) {
            return RagColumn.of(event.referral().rag());
        }
        if (event.allocation() != null) {
            String reference = event.allocation().reference();
            return state.open().stream().filter(card -> card.reference().equals(reference)).findFirst()
                    .map(card -> RagColumn.of(card.rag())).orElse(RagColumn.NOT_RATED);
        }
        return RagColumn.NOT_RATED;
    }

    /** Before the first snapshot: nothing open, nothing arrived. */
    static BoardFigures empty(LocalDate today, ZoneId zone) {
        var shares = Arrays.stream(SourceGroup.values()).map(g -> new BoardState.Share(g, 0, 0)).toList();
        return new BoardFigures(new int[STAGES.size()][RagColumn.values().length], Map.of(), Map.of(),
                List.of(), 0, shares, today, List.of(), null, null, null, List.of(), 0, zone);
    }

    int count(Stage stage, RagColumn column) {
        return counts[STAGES.indexOf(stage)][column.ordinal()];
    }

    int stageTotal(Stage stage) {
        return Arrays.stream(counts[STAGES.indexOf(stage)]).sum();
    }

    int columnTotal(RagColumn column) {
        return Arrays.stream(counts).mapToInt(row -> row[column.ordinal()]).sum();
    }

    int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    int arrivalsTotal() {
        return arrivals.stream().mapToInt(BoardState.Share::count).sum();
    }
}
