package org.mashlive.wallboard.board;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;

import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.MutableClock;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

class BoardViewTest extends BrowserlessTest {

    // 10 March 2026: London is on GMT, so London time equals UTC
    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final MutableClock clock = new MutableClock(NOW);

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    // in the constructor: the browserless environment opens the root view before any @BeforeEach
    BoardViewTest() {
        BoardTestViews.feed = feed;
        BoardTestViews.clock = clock;
        BoardTestViews.capacity = () -> java.util.Optional.ofNullable(capacity);
    }

    private volatile org.mashlive.capacity.api.CapacitySummary capacity;

    private static Instant at(String londonTime) {
        return Instant.parse("2026-03-10T" + londonTime + ":00Z");
    }

    /** Five open referrals, three of them breached, twelve arrivals today and two ticker events. */
    private static BoardState knownBoard() {
        var redBreached = Cards.card(101, Source.POLICE, Rag.RED, Stage.SCREENING, at("13:00"), at("13:30"));
        var redInTime = Cards.card(102, Source.HEALTH, Rag.RED, Stage.RECEIVED, at("13:30"), at("17:30"));
        var amber = Cards.card(103, Source.EDUCATION, Rag.AMBER, Stage.INFORMATION_GATHERING, at("10:48"),
                at("10:48").plus(Duration.ofHours(24)));
        var greenBreached = Cards.card(104, Source.FAMILY_SELF, Rag.GREEN, Stage.AWAITING_DECISION,
                at("08:00").minus(Duration.ofDays(3)), at("08:00"));
        var unrated = Cards.card(105, Source.POLICE, null, Stage.RECEIVED, at("13:55"), at("14:55"));
        var recent = List.of(
                Cards.received(9, unrated),
                new BoardEvent(8, at("13:40"), BoardEventType.RAG_CHANGED, redInTime));
        return BoardState.from(Cards.snapshot(9, NOW, List.of(redBreached, redInTime, amber, greenBreached, unrated),
                Map.of(Source.POLICE, 6, Source.HEALTH, 3, Source.EDUCATION, 2, Source.FAMILY_SELF, 1), recent));
    }

    /** Opens the board and brings it up to date with the feed as a push would. */
    private BoardView openBoard() {
        var view = navigate("board", BoardView.class);
        view.refresh();
        return view;
    }

    private String text(String id) {
        return $(Component.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void aTeamsBoardShowsOnlyItsReferralsAndPeopleSaysWhichTeamAndKeepsTheWholeHubsFigures() {
        var board = knownBoard().snapshot(NOW);
        // 101 and 104 worked by Early help, 102 by the police desk; two officers on shift, neither in Early help
        var staff = List.of(
                new org.mashlive.board.api.StaffCard(1, "A. Early", org.mashlive.board.api.StaffRole.SOCIAL_WORKER,
                        "Early help", org.mashlive.board.api.Contract.FULL_TIME, true, null),
                new org.mashlive.board.api.StaffCard(2, "B. Police", org.mashlive.board.api.StaffRole.MASH_POLICE_OFFICER,
                        "MASH police", org.mashlive.board.api.Contract.FULL_TIME, true, null),
                new org.mashlive.board.api.StaffCard(3, "C. Police", org.mashlive.board.api.StaffRole.MASH_POLICE_OFFICER,
                        "MASH police", org.mashlive.board.api.Contract.FULL_TIME, true, null));
        var shifts = List.of(new org.mashlive.board.api.ShiftCard(11, 2, at("08:00"), at("18:00")),
                new org.mashlive.board.api.ShiftCard(12, 3, at("08:00"), at("18:00")),
                new org.mashlive.board.api.ShiftCard(13, 1, at("08:00"), at("18:00")));
        var allocations = List.of(allocation(101, 1), allocation(104, 1), allocation(102, 2));
        feed.set(BoardState.from(new org.mashlive.board.api.BoardSnapshot(board.seq(), NOW, board.open(), board.day(),
                board.arrivals(), board.recent(), board.timescales(), staff, shifts, board.rota(), allocations)),
                Liveness.LIVE);

        var hub = openBoard();
        assertThat(hub.team()).isNull();
        assertThat(text("count-total-total")).isEqualTo("5");
        assertThat(text("officers-on-site")).isEqualTo("2");
        assertThat($(Span.class).withId("board-team").all()).as("the whole hub's board names no team").isEmpty();

        com.vaadin.flow.component.UI.getCurrent().navigate("board",
                com.vaadin.flow.router.QueryParameters.of("team", "Early help"));
        var team = (BoardView) com.vaadin.flow.component.UI.getCurrent().getCurrentView();
        team.refresh();
        assertThat(team.team()).isEqualTo("Early help");
        assertThat(text("board-team")).isEqualTo("Team board: Early help");
        assertThat(text("count-total-total")).isEqualTo("2");
        assertThat(text("oldest-red-reference")).isEqualTo("MASH-2026-000101");
        assertThat(text("officers-on-site")).as("the police desk's officers are another team's").isEqualTo("0");
        assertThat(text("board-hub-wide")).isEqualTo("Whole hub: 5 open · 2 breached · 2 not yet allocated");
        assertThat(text("ticker-list")).doesNotContain("MASH-2026-000105", "MASH-2026-000102");
    }

    private static org.mashlive.board.api.AllocationCard allocation(long referral, long staffId) {
        return new org.mashlive.board.api.AllocationCard(org.mashlive.board.api.WorkType.REFERRAL, referral,
                Cards.reference(referral), staffId, "Person " + staffId, 1, at("12:00"));
    }

    @Test
    void countsOpenReferralsByStageAndRagWithTotals() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();

        assertThat(text("count-received-red")).isEqualTo("1");
        assertThat(text("count-received-not-rated")).isEqualTo("1");
        assertThat(text("count-received-total")).isEqualTo("2");
        assertThat(text("count-screening-red")).isEqualTo("1");
        assertThat(text("count-information-gathering-amber")).isEqualTo("1");
        assertThat(text("count-awaiting-decision-green")).isEqualTo("1");
        assertThat(text("count-screening-amber")).isEqualTo("0");
        assertThat(text("count-total-red")).isEqualTo("2");
        assertThat(text("count-total-total")).isEqualTo("5");
        assertThat($(NativeTableCell.class).withClassName("count").all())
                .as("four stages × (four RAG columns + total), and the totals row")
                .hasSize(4 * 5 + 5);
    }

    @Test
    void showsTheOldestWaitingOfEachRagAgainstItsTimescale() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();

        assertThat(text("oldest-red-reference")).isEqualTo("MASH-2026-000101");
        assertThat(text("oldest-red-age")).isEqualTo("1 h 0 m");
        assertThat(text("oldest-red-timescale")).isEqualTo("4 h elapsed");
        assertThat(text("oldest-red-status")).isEqualTo("breached 30 m ago");
        assertThat($(Span.class).id("oldest-red-status").hasClassName("breached")).isTrue();

        assertThat(text("oldest-amber-reference")).isEqualTo("MASH-2026-000103");
        assertThat(text("oldest-amber-age")).isEqualTo("3 h 12 m");
        assertThat(text("oldest-amber-timescale")).isEqualTo("24 working h");
        assertThat(text("oldest-amber-status")).isEqualTo("20 h 48 m left");
        assertThat($(Span.class).id("oldest-amber-status").hasClassName("breached")).isFalse();

        assertThat(text("oldest-green-age")).isEqualTo("3 d 6 h");
        assertThat(text("oldest-not-rated-reference")).isEqualTo("MASH-2026-000105");
        assertThat(text("oldest-not-rated-status")).isEqualTo("55 m left");
        assertThat(text("oldest-red")).as("the RAG is named, not only coloured").contains("Red");
    }

    /** {@code card} with its statutory decision due at {@code decisionDueAt}. */
    private static ReferralCard decisionDue(ReferralCard card, Instant decisionDueAt) {
        return new ReferralCard(card.id(), card.reference(), card.receivedAt(), card.channel(), card.source(),
                card.initials(), card.childKey(), card.rag(), card.stage(), card.flags(), card.reReferral(),
                card.dueAt(), card.outcome(), card.decidedAt(), card.policeCheck(), decisionDueAt, null, card.healthType());
    }

    @Test
    void theOldestCardsSayWhenTheStatutoryDecisionIsDueWhereItIsNotTheTimescale() {
        var red = Cards.card(101, Source.POLICE, Rag.RED, Stage.SCREENING, at("13:00"), at("17:00"));
        // Amber's 24 working hours run to tomorrow; the decision is due today
        var amber = decisionDue(Cards.card(103, Source.EDUCATION, Rag.AMBER, Stage.SCREENING, at("10:48"),
                at("10:48").plus(Duration.ofHours(24))), at("16:59"));
        // Green's timescale has not run out, but the one-working-day decision was due yesterday
        var green = decisionDue(Cards.card(104, Source.HEALTH, Rag.GREEN, Stage.SCREENING,
                at("09:00").minus(Duration.ofDays(2)), at("09:00").plus(Duration.ofDays(1))),
                at("09:00").minus(Duration.ofDays(1)));
        // a card whose two due times agree says it once
        var notRated = decisionDue(Cards.card(105, Source.POLICE, null, Stage.RECEIVED, at("13:55"), at("14:55")),
                at("14:55"));
        feed.set(BoardState.from(Cards.snapshot(9, NOW, List.of(red, amber, green, notRated), Map.of(), List.of())),
                Liveness.LIVE);
        openBoard();

        assertThat(text("oldest-amber-decision")).isEqualTo("decide by 16:59");
        assertThat($(Span.class).id("oldest-amber-decision").hasClassName("breached")).isFalse();
        assertThat($(Span.class).withId("oldest-amber-timescale").exists()).as("in the timescale's place").isFalse();
        assertThat(text("oldest-green-decision")).isEqualTo("decision 1 d 5 h late");
        assertThat($(Span.class).id("oldest-green-decision").hasClassName("breached")).isTrue();
        assertThat(text("oldest-green-status")).as("the local timescale is still in time").endsWith("left");
        assertThat($(Span.class).withId("oldest-red-decision").exists()).as("no statutory time known").isFalse();
        assertThat($(Span.class).withId("oldest-not-rated-decision").exists()).as("the same as the timescale").isFalse();
        assertThat(text("oldest-not-rated-timescale")).isNotBlank();
        // late by hours: to the hour, so the line keeps to one beside a long age; minutes in the first hour
        assertThat(OldestTile.lateness(java.time.Duration.ofMinutes(160))).isEqualTo("2 h");
        assertThat(OldestTile.lateness(java.time.Duration.ofMinutes(40))).isEqualTo("40 m");
        assertThat(OldestTile.lateness(java.time.Duration.ofHours(29))).isEqualTo("1 d 5 h");
    }

    @Test
    void listsBreachesLongestOverdueFirst() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();

        assertThat(text("breach-count")).isEqualTo("2");
        var items = $(ListItem.class).withClassName("breach").all();
        assertThat(items).extracting(item -> item.getElement().getTextRecursively()).containsExactly(
                "GreenMASH-2026-0001046 h 0 m late",
                "RedMASH-2026-00010130 m late");
    }

    @Test
    void countsEveryBreachAndSendsTheLongestOverdueUpToWhatAScreenCanShow() {
        var cards = new ArrayList<ReferralCard>();
        IntStream.rangeClosed(1, BreachesTile.MAX_SHOWN + 3).forEach(i -> cards.add(Cards.card(200 + i,
                Source.POLICE, Rag.AMBER, Stage.SCREENING, NOW.minus(Duration.ofHours(30)), NOW.minusSeconds(60L * i))));
        feed.set(BoardState.from(Cards.snapshot(1, NOW, cards, Map.of(), List.of())), Liveness.LIVE);
        openBoard();

        assertThat(text("breach-count")).as("the title counts them all")
                .isEqualTo(Integer.toString(BreachesTile.MAX_SHOWN + 3));
        var items = $(ListItem.class).withClassName("breach").all();
        assertThat(items).hasSize(BreachesTile.MAX_SHOWN);
        int longestOverdue = BreachesTile.MAX_SHOWN + 3;
        assertThat(items.getFirst().getElement().getTextRecursively())
                .contains(Cards.reference(200 + longestOverdue), longestOverdue + " m late");
        assertThat(items.getLast().getElement().getTextRecursively()).contains("4 m late");
    }

    @Test
    void sharesTodaysArrivalsBetweenSourceGroupsWithBars() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();

        assertThat(text("arrivals-police-count")).isEqualTo("6");
        assertThat(text("arrivals-police-share")).isEqualTo("50%");
        assertThat(text("arrivals-health-share")).isEqualTo("25%");
        assertThat(text("arrivals-education-share")).isEqualTo("17%");
        assertThat(text("arrivals-other-count")).isEqualTo("1");
        assertThat(text("arrivals-other-share")).isEqualTo("8%");
        assertThat(text("arrivals-total")).isEqualTo("12");
        assertThat($(Div.class).id("arrivals-police-bar").getStyle().get("width")).isEqualTo("50.0%");
        assertThat($(Div.class).id("arrivals-other-bar").getStyle().get("width")).isEqualTo("8.3%");
    }

    @Test
    void tickerShowsRecentEventsNewestFirstEachWithItsRagWordFirstAndALondonTime() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();

        // the events, and between them by time the breaches of the last twelve hours
        var lines = $(ListItem.class).withClassName("ticker-item").all();
        assertThat(lines).extracting(item -> item.getElement().getTextRecursively()).containsExactly(
                "Not rated13:55MASH-2026-000105 received · Police",
                "Red13:40MASH-2026-000102 re-rated · Health",
                "Red13:30MASH-2026-000101 breached its timescale",
                "Green08:00MASH-2026-000104 breached its timescale");
        var first = lines.getFirst().getElement().getChild(0);
        assertThat(first.getClassList()).as("the badge comes first").contains("rag-badge", "rag-not-rated");
        assertThat(lines.get(1).getElement().getChild(0).getText()).isEqualTo("Red");
    }

    @Test
    void listsTheReferralsDueSoonWithTheTimeLeftBelowTheBreaches() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();
        // the unrated one is due at 14:55: within four working hours
        assertThat(text("due-soon-count")).isEqualTo("1");
        assertThat($(ListItem.class).withClassName("due-soon").all())
                .extracting(item -> item.getElement().getTextRecursively())
                .containsExactly("Not ratedMASH-2026-00010555 m left");

        // 15:10: the Amber due tomorrow 10:48 has four working hours left from 15:03 (1 h 57 m today,
        // 2 h 3 m tomorrow morning); the unrated one has breached
        clock.set(at("15:10"));
        openBoard();
        assertThat(text("due-soon-count")).isEqualTo("1");
        assertThat($(ListItem.class).withClassName("due-soon").all())
                .extracting(item -> item.getElement().getTextRecursively())
                .containsExactly("AmberMASH-2026-00010319 h 38 m left");
        assertThat(text("breach-count")).isEqualTo("3");
    }

    @Test
    void theTickerSaysWhenAReferralCrossesIntoDueSoonAndIntoBreachAsTheClockMoves() {
        feed.set(knownBoard(), Liveness.LIVE);
        var view = openBoard();
        assertThat(tickerLines()).first().isEqualTo("Not rated13:55MASH-2026-000105 received · Police");

        // 14:55:01: the unrated one breaches, with no event from the backend
        clock.set(at("14:55").plusSeconds(1));
        view.refresh();
        assertThat(tickerLines()).first().isEqualTo("Not rated14:55MASH-2026-000105 breached its timescale");

        // 15:03: the Amber enters its last four working hours
        clock.set(at("15:03"));
        view.refresh();
        assertThat(tickerLines()).first().isEqualTo("Amber15:03MASH-2026-000103 due in 4 working h");

        // 16:30: the Red due at 17:30 enters its last hour; at 17:30:01 it breaches
        clock.set(at("16:30"));
        view.refresh();
        assertThat(tickerLines()).first().isEqualTo("Red16:30MASH-2026-000102 due soon · 1 h left");
        assertThat(text("due-soon-count")).isEqualTo("2");
        clock.set(at("17:30").plusSeconds(1));
        view.refresh();
        assertThat(tickerLines()).first().isEqualTo("Red17:30MASH-2026-000102 breached its timescale");
        assertThat(tickerLines()).element(1).isEqualTo("Red16:30MASH-2026-000102 due soon · 1 h left");
        assertThat(text("due-soon-count")).isEqualTo("1");
    }

    private List<String> tickerLines() {
        return $(ListItem.class).withClassName("ticker-item").all().stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
    }

    @Test
    void anAllocationOnTheTickerCarriesItsReferralsRagAndIsShortenedByWholeWords() {
        var state = knownBoard();
        state.apply(BoardEvent.of(10, at("13:58"), BoardEventType.ALLOCATION_CHANGED, new AllocationCard(
                WorkType.POLICE_CHECK, 103, Cards.reference(103), 7, "A. Longfellow-Smythe", 1, at("13:58"))));
        feed.set(state, Liveness.LIVE);
        openBoard();

        var line = $(ListItem.class).withClassName("ticker-item").all().getFirst();
        assertThat(line.getElement().getChild(0).getText()).as("the referral is Amber").isEqualTo("Amber");
        assertThat(line.getElement().getTextRecursively())
                .isEqualTo("Amber13:58MASH-2026-000103 police checks allocated…");
    }

    @Test
    void headerShowsTheHubTheTimeAndThatTheFiguresAreLive() {
        feed.set(knownBoard(), Liveness.LIVE);
        var view = openBoard();

        assertThat(text("hub-name")).isEqualTo("Stronger Families Hub · MASH");
        assertThat(text("clock")).isEqualTo("14:00");
        assertThat(text("live-indicator")).isEqualTo("● LIVE");
        assertThat($(Span.class).id("live-indicator").hasClassName("live")).isTrue();
        assertThat(view.hasClassName("is-stale")).isFalse();
    }

    @Test
    void showsTimesInTheZoneOfTheHubsCalendarCarriedInTheSnapshot() {
        var auckland = java.time.ZoneId.of("Pacific/Auckland");
        var known = knownBoard().snapshot(NOW);
        var core = new org.mashlive.board.api.CoreHours(auckland, java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(17, 30), java.util.EnumSet.range(java.time.DayOfWeek.MONDAY,
                java.time.DayOfWeek.FRIDAY), List.of());
        var snapshot = new org.mashlive.board.api.BoardSnapshot(known.seq(), NOW, known.open(),
                java.time.LocalDate.ofInstant(NOW, auckland), known.arrivals(), known.recent(), known.timescales(),
                List.of(), List.of(), new org.mashlive.board.api.RotaSettings(11, 1, core));
        feed.set(BoardState.from(snapshot), Liveness.staleSince(at("13:47")));
        openBoard();

        // 14:00 UTC on 10 March is 03:00 on 11 March in Auckland (NZDT, UTC+13)
        assertThat(text("clock")).isEqualTo("03:00");
        assertThat(text("live-indicator")).isEqualTo("STALE since 02:47");
        assertThat($(ListItem.class).withClassName("ticker-item").all().getFirst().getElement().getTextRecursively())
                .isEqualTo("Not rated02:55MASH-2026-000105 received · Police");
    }

    @Test
    void saysStaleSinceWhenTheFeedStoppedHearingAndKeepsTheLastFigures() {
        feed.set(knownBoard(), Liveness.staleSince(at("13:47")));
        var view = openBoard();

        assertThat(text("live-indicator")).isEqualTo("STALE since 13:47");
        assertThat($(Span.class).id("live-indicator").hasClassName("stale")).isTrue();
        assertThat($(Span.class).id("live-indicator").hasClassName("live")).isFalse();
        assertThat(view.hasClassName("is-stale")).isTrue();
        assertThat(text("count-total-total")).isEqualTo("5");
    }

    @Test
    void waitsVisiblyForTheFirstSnapshot() {
        openBoard();

        // queries find visible components only
        assertThat($(Div.class).withId("waiting").exists()).isTrue();
        assertThat(text("count-total-total")).isEqualTo("0");
        assertThat(text("live-indicator")).isEqualTo("● LIVE");

        feed.set(knownBoard(), Liveness.LIVE);
        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            roundTrip();
            assertThat($(Div.class).withId("waiting").exists()).isFalse();
        });
    }

    @Test
    void pushesChangesFromTheFeedAndStopsListeningWhenClosed() {
        feed.set(knownBoard(), Liveness.LIVE);
        var view = openBoard();
        assertThat(feed.subscribers()).isEqualTo(1);

        clock.set(at("14:20"));
        feed.set(knownBoard(), Liveness.staleSince(at("14:19")));
        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            roundTrip();
            assertThat(text("live-indicator")).isEqualTo("STALE since 14:19");
        });
        assertThat(text("clock")).isEqualTo("14:20");
        assertThat(text("oldest-red-status")).isEqualTo("breached 50 m ago");

        view.removeFromParent();
        await().atMost(5, TimeUnit.SECONDS).until(() -> feed.subscribers() == 0);
    }

    @Test
    void aPartnerFiguresChangeOnABusyBoardIsShownAfterItsWait() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();
        int before = Integer.parseInt(text("partners-waiting"));
        // the screen pushed for two changes: a routine one now waits for the older push to be a second old
        feed.set(knownBoard(), Liveness.LIVE);
        feed.set(knownBoard(), Liveness.LIVE);
        var amber = Cards.card(103, Source.EDUCATION, Rag.AMBER, Stage.INFORMATION_GATHERING, at("10:48"),
                at("10:48").plus(Duration.ofHours(24)));
        var asked = new org.mashlive.board.api.PartnerRequestCard(501, amber.id(), amber.reference(),
                org.mashlive.board.api.Agency.EDUCATION, null, Rag.AMBER, at("13:58"), at("13:58").plusSeconds(86_400), 0,
                null, null, false);
        feed.apply(BoardEvent.of(10, at("13:58"), BoardEventType.PARTNER_REQUESTED, asked), true);
        await().pollInSameThread().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            roundTrip();
            assertThat(text("partners-waiting")).isEqualTo(Integer.toString(before + 1));
        });
    }

    @Test
    void theRootPathShowsTheBoard() {
        feed.set(knownBoard(), Liveness.LIVE);
        navigate("", BoardView.class).refresh();
        assertThat(text("count-total-total")).isEqualTo("5");
    }

    @Test
    void neverShowsInitialsOrTheChildKey() {
        feed.set(knownBoard(), Liveness.LIVE);
        var view = openBoard();

        var everything = new StringBuilder();
        collect(view.getElement(), everything);
        assertThat(everything.toString())
                .contains("MASH-2026-000101") // the collection does see the board's content
                .doesNotContain(Cards.INITIALS)
                .doesNotContain(Cards.CHILD_KEY);
    }

    /** Every text, attribute and style value in the element tree. */
    private static void collect(Element element, StringBuilder into) {
        into.append(element.getText()).append('\n');
        element.getAttributeNames().forEach(name -> into.append(element.getAttribute(name)).append('\n'));
        element.getPropertyNames().forEach(name -> into.append(element.getProperty(name)).append('\n'));
        element.getChildren().forEach(child -> collect(child, into));
    }

    @Test
    void theBreachesTileEndsWithTheForecastOfTheDayOnceTheCapacityFiguresHaveCome() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("breach-forecast").exists())
                .as("hidden until the first capacity figures").isFalse();

        capacity = new org.mashlive.capacity.api.CapacitySummary(NOW, NOW.atZone(org.mashlive.TestZone.LONDON).toLocalDate(), 5,
                3, 12, 9.35, List.of(), List.of(), 0, 0, List.of(), List.of());
        openBoard();
        assertThat(text("breach-forecast")).isEqualTo(org.mashlive.wallboard.ForecastText.UNKNOWN);

        capacity = capacity.withForecast(new org.mashlive.capacity.api.BreachForecast(NOW, 1.0,
                new org.mashlive.capacity.api.BreachForecast.Horizon(at("18:00"), 0, 3, 0, 0),
                new org.mashlive.capacity.api.BreachForecast.Horizon(at("17:00"), 0, 3, 0, 0), 1));
        openBoard();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("breach-forecast").isVisible()).isTrue();
        assertThat(text("breach-forecast")).isEqualTo(
                "At today's pace 3 Amber will breach by 17:00; 1 more social worker on shift would clear them.");
    }

    @Test
    void theChimeSoundsOnceForANewBreachOnlyWhileLiveAndOnlyWhenTheAddressAsks() {
        // the known board and a Red received 13:40, due 17:40
        var redLater = Cards.card(106, Source.HEALTH, Rag.RED, Stage.RECEIVED, at("13:40"), at("17:40"));
        var state = knownBoard();
        state.apply(Cards.received(10, redLater));
        feed.set(state, Liveness.LIVE);
        com.vaadin.flow.component.UI.getCurrent().navigate("board",
                com.vaadin.flow.router.QueryParameters.of("sound", "on"));
        var board = (BoardView) com.vaadin.flow.component.UI.getCurrent().getCurrentView();
        board.refresh();
        assertThat(text("sound-label")).isEqualTo("Sound on");
        assertThat(board.sound().plays()).as("the breaches found on opening").isZero();

        // 14:55:01: the unrated 105 breaches
        clock.set(at("14:55").plusSeconds(1));
        board.refresh();
        assertThat(board.sound().plays()).isEqualTo(1);
        board.refresh();
        clock.set(at("15:00"));
        board.refresh();
        assertThat(board.sound().plays()).as("once for the same referral").isEqualTo(1);

        // stale: the Red 102 breaches at 17:30 with no chime, and none when the board is live again
        feed.set(state, Liveness.staleSince(at("15:00")));
        clock.set(at("17:31"));
        board.refresh();
        assertThat(text("sound-label")).isEqualTo("Sound on · silent while stale");
        assertThat(board.sound().plays()).isEqualTo(1);
        feed.set(state, Liveness.LIVE);
        board.refresh();
        assertThat(board.sound().plays()).isEqualTo(1);
        assertThat($(com.vaadin.flow.component.html.NativeButton.class).withId("sound-mute").exists())
                .as("a kiosk may not mute").isFalse();

        // the same board without sound=on: 106 breaches at 17:40 without a chime, and nothing is shown
        com.vaadin.flow.component.UI.getCurrent().navigate("board");
        clock.set(at("17:41"));
        board.refresh();
        assertThat(text("breach-count")).isEqualTo("5");
        assertThat(board.sound().plays()).as("sound off: no chime").isEqualTo(1);
        assertThat($(Div.class).withId("sound").exists()).as("nothing to show on a kiosk without sound").isFalse();
    }

    @Test
    void theCapacityTileShowsOpenNowAndTodayAgainstTheFourteenDayAverage() {
        feed.set(knownBoard(), Liveness.LIVE);
        openBoard();
        assertThat(text("capacity-open")).isEqualTo("5");
        assertThat(text("capacity-today")).isEqualTo("12");
        assertThat(text("capacity-average")).isEqualTo("14-day average not known yet");

        capacity = new org.mashlive.capacity.api.CapacitySummary(NOW, NOW.atZone(TestZone.LONDON).toLocalDate(), 5,
                3, 12, 9.35, List.of(), List.of(), 0, 0, List.of(), List.of());
        openBoard();
        assertThat(text("capacity-average")).isEqualTo("14-day average 9.4 a day");
    }
}
