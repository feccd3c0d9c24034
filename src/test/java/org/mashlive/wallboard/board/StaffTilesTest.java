package org.mashlive.wallboard.board;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.Stage;

import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.MutableClock;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** The officers-on-site and out-of-hours tiles, browserless. */
class StaffTilesTest extends BrowserlessTest {

    // Friday 13 March 2026, 18:00 London (GMT)
    private static final Instant NOW = london("2026-03-13T18:00");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final MutableClock clock = new MutableClock(NOW);

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    StaffTilesTest() {
        BoardTestViews.feed = feed;
        BoardTestViews.clock = clock;
    }

    private static Instant london(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), TestZone.LONDON).toInstant();
    }

    private static StaffCard person(long id, String name, StaffRole role, Instant breakSince) {
        return new StaffCard(id, name, role, "Team", Contract.FULL_TIME, true, breakSince);
    }

    /**
     * Three officers on site (one on a break) and one off; J. Patel covers Friday night, K. Osei
     * takes over on Saturday morning, and Saturday night from 02:00 is uncovered. Two contacts
     * came in on Friday evening, one in Friday's core hours; the police one waits for its checks.
     */
    private static BoardState knownRota() {
        var staff = List.of(
                person(1, "A. Officer", StaffRole.MASH_POLICE_OFFICER, null),
                person(2, "B. Officer", StaffRole.MASH_POLICE_OFFICER, london("2026-03-13T17:30")),
                person(3, "C. Officer", StaffRole.MASH_POLICE_OFFICER, null),
                person(4, "D. Officer", StaffRole.MASH_POLICE_OFFICER, null),
                person(5, "J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER, null),
                person(6, "K. Osei", StaffRole.OOH_DUTY_SOCIAL_WORKER, null));
        var shifts = new ArrayList<ShiftCard>();
        for (long officer = 1; officer <= 3; officer++) {
            shifts.add(new ShiftCard(10 + officer, officer, london("2026-03-13T12:00"), london("2026-03-13T20:00")));
        }
        shifts.add(new ShiftCard(20, 5, london("2026-03-13T16:45"), london("2026-03-14T09:00")));
        shifts.add(new ShiftCard(21, 6, london("2026-03-14T08:45"), london("2026-03-15T02:00")));
        shifts.add(new ShiftCard(22, 5, london("2026-03-15T08:45"), london("2026-03-16T08:45")));
        var open = List.of(
                checksWaiting(Cards.card(301, Source.POLICE, Rag.AMBER, Stage.RECEIVED, london("2026-03-13T17:10"),
                        NOW.plusSeconds(86400))),
                Cards.card(302, Source.HEALTH, Rag.GREEN, Stage.RECEIVED, london("2026-03-13T17:40"), NOW.plusSeconds(86400)),
                Cards.card(303, Source.HEALTH, Rag.GREEN, Stage.SCREENING, london("2026-03-13T11:00"), NOW.plusSeconds(86400)));
        return BoardState.from(new BoardSnapshot(40, NOW, open, LocalDate.of(2026, 3, 13), Map.of(), List.of(),
                Cards.TIMESCALES, staff, shifts, new RotaSettings(11, 1, CoreHours.WEEKDAYS)));
    }

    private static ReferralCard checksWaiting(ReferralCard c) {
        return new ReferralCard(c.id(), c.reference(), c.receivedAt(), c.channel(), c.source(), c.initials(),
                c.childKey(), c.rag(), c.stage(), c.flags(), c.reReferral(), c.dueAt(), c.outcome(), c.decidedAt(),
                PoliceCheck.WAITING);
    }

    private BoardView openBoard() {
        var view = navigate("board", BoardView.class);
        view.refresh();
        return view;
    }

    private String text(String id) {
        return $(Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void showsOfficersOnSiteAgainstTheMaximumWithFreeAndOnABreak() {
        feed.set(knownRota(), Liveness.LIVE);
        openBoard();

        assertThat(text("officers-on-site")).isEqualTo("3");
        assertThat(text("officers-max")).isEqualTo(" / 11");
        assertThat(text("officers-free")).isEqualTo("2");
        assertThat(text("officers-on-break")).isEqualTo("1");
        assertThat(text("officers")).contains("on site", "on checks", "free", "on a break", "checks waiting");
        assertThat(text("checks-waiting")).isEqualTo("1");
        assertThat(text("checks-unallocated")).isEqualTo("1 not allocated");
        assertThat(text("checks-oldest")).isEqualTo("oldest MASH-2026-000301 · 50\u00a0m");
    }

    @Test
    void showsWhoCoversTheNextHandoverAndTheNextGapInWords() {
        feed.set(knownRota(), Liveness.LIVE);
        openBoard();

        assertThat(text("ooh-covering")).isEqualTo("J. Patel");
        assertThat(text("ooh-handover")).isEqualTo("Sat 08:45 → J. Patel, K. Osei");
        assertThat(text("ooh-gap")).isEqualTo("GAP Sun 02:00–08:45 · 0 of 1 on duty (+1 more)");
        assertThat($(Span.class).id("ooh-gap").hasClassName("gap")).isTrue();
        assertThat(text("ooh-contacts-count")).isEqualTo("2");
        assertThat(text("ooh-contacts-refs")).isEqualTo("MASH-2026-000301 · +1 more");
        assertThat(text("ooh")).doesNotContain(Cards.INITIALS, Cards.CHILD_KEY);
    }

    @Test
    void namesTwoWhoCoverAndCountsTheRest() {
        var state = knownRota();
        // two more on J. Patel's night
        long seq = 41;
        for (var person : List.of(person(7, "A. Rahman", StaffRole.OOH_DUTY_SOCIAL_WORKER, null),
                person(8, "M. Okonkwo-Smith", StaffRole.OOH_DUTY_SOCIAL_WORKER, null))) {
            state.apply(BoardEvent.of(seq++, NOW, BoardEventType.STAFF_CHANGED, person));
            state.apply(BoardEvent.of(seq++, NOW, BoardEventType.SHIFT_ADDED,
                    new ShiftCard(18 + person.id(), person.id(), london("2026-03-13T16:45"), london("2026-03-14T09:00"))));
        }
        feed.set(state, Liveness.LIVE);
        openBoard();

        // three on duty now, in the rota's order; from 08:45 J. Patel's three and K. Osei
        assertThat(text("ooh-covering")).isEqualTo("A. Rahman, J. Patel +1 more");
        assertThat(text("ooh-handover")).isEqualTo("Sat 08:45 → A. Rahman, J. Patel +2 more");
    }

    @Test
    void aShiftThatFillsTheGapClearsItAndCoreHoursSayWhoCovers() {
        var state = knownRota();
        state.apply(BoardEvent.of(41, NOW, BoardEventType.SHIFT_ADDED,
                new ShiftCard(23, 5, london("2026-03-15T02:00"), london("2026-03-15T08:45"))));
        state.apply(BoardEvent.of(42, NOW, BoardEventType.SHIFT_ADDED,
                new ShiftCard(24, 6, london("2026-03-16T16:45"), london("2026-03-17T09:00"))));
        feed.set(state, Liveness.LIVE);
        openBoard();

        assertThat(text("ooh-gap")).isEqualTo("No gaps in the next 72 h");
        assertThat($(Span.class).id("ooh-gap").hasClassName("gap")).isFalse();

        clock.set(london("2026-03-16T10:00"));
        $(BoardView.class).single().refresh();
        assertThat(text("ooh-covering")).isEqualTo("Core hours · the hub");
        assertThat(text("ooh-handover")).isEqualTo("17:00 → K. Osei");
        assertThat(text("officers-on-site")).isEqualTo("0");
    }

    @Test
    void showsTheOldestReferenceOfTheContactsWaitingForPickUpAndHowManyMore() {
        var cards = new ArrayList<ReferralCard>();
        for (int i = 0; i < 5; i++) {
            cards.add(Cards.card(400 + i, Source.POLICE, Rag.RED, Stage.RECEIVED,
                    london("2026-03-13T17:0" + i), NOW.plusSeconds(3600)));
        }
        feed.set(BoardState.from(new BoardSnapshot(1, NOW, cards, LocalDate.of(2026, 3, 13), Map.of(), List.of(),
                Cards.TIMESCALES, List.of(), List.of(), RotaSettings.DEFAULT)), Liveness.LIVE);
        openBoard();

        assertThat(text("ooh-contacts-count")).isEqualTo("5");
        assertThat(text("ooh-contacts-refs")).isEqualTo("MASH-2026-000400 · +4 more");
        assertThat(text("ooh-covering")).isEqualTo("Nobody on duty");
        assertThat($(Span.class).id("ooh-covering").hasClassName("gap")).isTrue();
    }

    @Test
    void beforeTheFirstSnapshotTheTilesShowDashesNotNumbers() {
        openBoard();

        assertThat(text("officers-on-site")).isEqualTo("–");
        assertThat(text("ooh-gap")).isEqualTo("–");
    }
}
