package org.mashlive.wallboard.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.MutableClock;
import org.mashlive.wallboard.RagColumn;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;

/** The duty view against a known board and a backend that answers what each test says. */
class DutyViewTest extends BrowserlessTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final TestDutyBackend backend = new TestDutyBackend();
    private BoardState state;

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    DutyViewTest() {
        TestDutyViews.feed = feed;
        TestDutyViews.clock = new MutableClock(NOW);
        TestDutyViews.backend = backend;
    }

    private static Instant at(String londonTime) {
        return Instant.parse("2026-03-10T" + londonTime + ":00Z");
    }

    private static final CandidateCard PATEL = new CandidateCard(7, "J. Patel", "SOCIAL_WORKER", true, false, null, 2, 6);
    private static final CandidateCard OSEI = new CandidateCard(8, "K. Osei", "SOCIAL_WORKER", false, false,
            at("20:00"), 6, 6);
    private static final CandidateCard AKINS = new CandidateCard(9, "PC L. Akins", "MASH_POLICE_OFFICER", true, false,
            null, 1, 6);
    private static final CandidateCard BROOK = new CandidateCard(10, "M. Brook", "SENIOR_PRACTITIONER", true, false,
            null, 4, 6);
    private static final CandidateCard DALE = new CandidateCard(11, "N. Dale", "EARLY_HELP_WORKER", true, false,
            null, 0, 6);

    /** 106: a police notification whose checks wait. */
    private static ReferralCard police106() {
        return new ReferralCard(106, Cards.reference(106), at("13:50"), Channel.POLICE_NOTIFICATION, Source.POLICE,
                "A.B.", "ck-106", Rag.AMBER, Stage.SCREENING, Set.of(), false, at("13:50").plus(Duration.ofHours(24)),
                null, null, PoliceCheck.WAITING);
    }

    /**
     * Six open referrals, two breached; 102 is with J. Patel (moved by duty.lead), 103 with K. Osei
     * (moved by duty.lead2).
     */
    private static BoardState knownBoard() {
        var redBreached = Cards.card(101, Source.POLICE, Rag.RED, Stage.SCREENING, at("13:00"), at("13:30"));
        var redInTime = Cards.card(102, Source.HEALTH, Rag.RED, Stage.RECEIVED, at("13:30"), at("17:30"));
        var amber = Cards.card(103, Source.EDUCATION, Rag.AMBER, Stage.INFORMATION_GATHERING, at("10:48"),
                at("10:48").plus(Duration.ofHours(24)));
        var greenBreached = Cards.card(104, Source.FAMILY_SELF, Rag.GREEN, Stage.AWAITING_DECISION,
                at("08:00").minus(Duration.ofDays(3)), at("08:00"));
        var unrated = Cards.card(105, Source.POLICE, null, Stage.RECEIVED, at("13:55"), at("14:55"));
        var state = BoardState.from(Cards.snapshot(9, NOW, List.of(redBreached, redInTime, amber, greenBreached, unrated,
                police106()), Map.of(), List.of()));
        state.apply(BoardEvent.of(10, at("13:40"), BoardEventType.ALLOCATION_CHANGED,
                new AllocationCard(WorkType.REFERRAL, 102, Cards.reference(102), 7, "J. Patel", 1, at("13:40"),
                        "duty.lead")));
        state.apply(BoardEvent.of(11, at("13:41"), BoardEventType.ALLOCATION_CHANGED,
                new AllocationCard(WorkType.REFERRAL, 103, Cards.reference(103), 8, "K. Osei", 2, at("13:41"),
                        "duty.lead2")));
        return state;
    }

    private DutyView open() {
        state = knownBoard();
        feed.set(state, Liveness.LIVE);
        var view = navigate("duty", DutyView.class);
        view.refresh();
        return view;
    }

    /** Applies {@code event} to the shared board, as the stream would, and lets the view refresh. */
    private void push(DutyView view, BoardEvent event) {
        state.apply(event);
        feed.set(state, Liveness.LIVE);
        view.refresh();
    }

    private static List<Long> ids(DutyView view) {
        return view.rows().stream().map(row -> row.card().id()).toList();
    }

    /** The notifications showing now. */
    private List<String> notices() {
        return $(Notification.class).all().stream().filter(Notification::isOpened).map(n -> test(n).getText()).toList();
    }

    private String panelText(DutyView view) {
        return view.panel.getElement().getTextRecursively();
    }

    @Test
    void aTeamChosenShowsTheReferralsItsPeopleWorkAsItsBoardDoes() {
        var view = open();
        // J. Patel (7) is in Early help, K. Osei (8) in MASH social work
        push(view, BoardEvent.of(12, at("13:42"), BoardEventType.STAFF_CHANGED, new org.mashlive.board.api.StaffCard(7,
                "J. Patel", org.mashlive.board.api.StaffRole.SOCIAL_WORKER, "Early help",
                org.mashlive.board.api.Contract.FULL_TIME, true, null)));
        push(view, BoardEvent.of(13, at("13:43"), BoardEventType.STAFF_CHANGED, new org.mashlive.board.api.StaffCard(8,
                "K. Osei", org.mashlive.board.api.StaffRole.SOCIAL_WORKER, "MASH social work",
                org.mashlive.board.api.Contract.FULL_TIME, true, null)));
        view.team.setItems("Early help", "MASH social work");

        view.team.setValue("Early help");
        assertThat(ids(view)).containsExactly(102L);
        view.team.setValue("MASH social work");
        assertThat(ids(view)).containsExactly(103L);
        view.team.clear();
        assertThat(ids(view)).as("the whole hub again").hasSize(6);
    }

    @Test
    void breachesComeFirstThenRedThenTheLongestWaiting() {
        var view = open();
        assertThat(ids(view)).containsExactly(101L, 104L, 102L, 103L, 106L, 105L);
        assertThat(view.rows()).extracting(DutyQueue.Row::allocatedTo)
                .containsExactly("Unallocated", "Unallocated", "J. Patel", "K. Osei", "Unallocated", "Unallocated");
        assertThat(view.rows().getFirst().breached()).isTrue();
        assertThat(BoardText.timeLeft(view.rows().get(2).timeLeft())).isEqualTo("3 h 30 m left");
    }

    @Test
    void marksTheReferralsDueSoonAndCountsThemWhateverTheFilter() {
        var view = open();
        // 14:00: only the unrated 105, due 14:55, is within its window (four working hours)
        var rows = view.rows().stream().filter(DutyQueue.Row::dueSoon).map(row -> row.card().id()).toList();
        assertThat(rows).containsExactly(105L);
        var unrated = view.rows().stream().filter(row -> row.card().id() == 105).findFirst().orElseThrow();
        assertThat(unrated.timeLeftText()).isEqualTo("55 m left · due soon");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("duty-due-soon").getText()).isEqualTo("1 due soon");

        view.rag.setValue(RagColumn.RED);
        assertThat($(com.vaadin.flow.component.html.Span.class).id("duty-due-soon").getText())
                .as("a warning is not filtered away").isEqualTo("1 due soon");

        // 16:45: the Red 102 due 17:30 is in its last hour; 105 has breached and is no longer "due soon"
        ((MutableClock) TestDutyViews.clock).set(at("16:45"));
        view.refresh();
        assertThat(view.rows()).extracting(row -> row.card().id() + ":" + row.dueSoon()).contains("102:true");
        assertThat(view.rows().getFirst().timeLeftText()).isEqualTo("breached 3 h 15 m ago");
        // the Amber 103, due tomorrow 10:48, has 2 h 18 m of working time left; 106, due tomorrow
        // 13:50, has 5 h 20 m: not yet
        assertThat($(com.vaadin.flow.component.html.Span.class).id("duty-due-soon").getText()).isEqualTo("2 due soon");
    }

    @Test
    void ordersByTimeLeftWithTheBreachedFirstOrByWaiting() {
        var view = open();
        view.order.setValue(DutyQueue.Order.TIME_LEFT);
        // 104 is three days overdue, 101 half an hour; then 105 (55 m), 102 (3 h 30), 103, 106
        assertThat(ids(view)).containsExactly(104L, 101L, 105L, 102L, 103L, 106L);
        view.order.setValue(DutyQueue.Order.WAITING);
        assertThat(ids(view)).containsExactly(104L, 103L, 101L, 102L, 106L, 105L);
    }

    @Test
    void everyColumnSorts() {
        var view = open();
        assertThat(view.grid.getColumns()).allMatch(column -> column.isSortable());
        assertThat(view.grid.getColumns()).extracting(column -> column.getKey())
                .containsExactly("reference", "rag", "stage", "source", "received", "time-left", "allocated", "checks",
                        "siblings");
    }

    @Test
    void filtersByStageRagSourcePersonReferenceAndMyCases() {
        var view = open();
        view.stage.setValue(Stage.RECEIVED);
        assertThat(ids(view)).containsExactly(102L, 105L);
        view.stage.clear();
        view.rag.setValue(RagColumn.NOT_RATED);
        assertThat(ids(view)).containsExactly(105L);
        view.rag.clear();
        view.source.setValue(Source.POLICE);
        assertThat(ids(view)).containsExactly(101L, 106L, 105L);
        view.source.clear();
        view.person.setValue(new DutyView.PersonChoice(7, "J. Patel"));
        assertThat(ids(view)).containsExactly(102L);
        view.person.setValue(DutyView.PersonChoice.NOBODY);
        assertThat(ids(view)).containsExactly(101L, 104L, 106L, 105L);
        view.person.clear();
        view.search.setValue("000103");
        assertThat(ids(view)).containsExactly(103L);
        view.search.setValue("mash-2026-00010");
        assertThat(ids(view)).hasSize(6);
        view.search.clear();
        // the signed-in lead, duty.lead, moved 102 last; duty.lead2 moved 103
        view.mine.setValue(true);
        assertThat(ids(view)).containsExactly(102L);
    }

    @Test
    void anEmptyQueueSaysWhatIsFiltered() {
        var view = open();
        view.rag.setValue(RagColumn.GREEN);
        view.stage.setValue(Stage.RECEIVED);
        assertThat(view.rows()).isEmpty();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No Green referrals in Received");
        view.rag.setValue(RagColumn.RED);
        view.stage.setValue(Stage.AWAITING_DECISION);
        view.source.setValue(Source.HEALTH);
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No Red referrals from Health in Awaiting decision");
        assertThat($(com.vaadin.flow.component.html.Span.class).id("duty-count").getText())
                .isEqualTo("0 of 6 open referrals");
        view.rag.clear();
        view.stage.clear();
        view.source.clear();
        view.mine.setValue(true);
        view.search.setValue("999");
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No referrals of yours matching “999”");
    }

    @Test
    void selectingARowFetchesItsDetailForThisPersonOnly() {
        backend.detail = new ReferralDetail(101, Cards.reference(101), at("13:00"), Source.POLICE, "Ottoline",
                "Fairweather", java.time.LocalDate.of(2015, 7, 9), "Found alone at night", "OVERRIDDEN",
                "Risk of significant harm", Rag.RED,
                Stage.SCREENING, List.of(new ReferralDetail.RagStep(at("13:05"), null, Rag.RED, "Injury seen")));
        var view = open();
        view.grid.select(view.rows().getFirst());
        assertThat(backend.detailsAsked).containsExactly("duty.lead MASH-2026-000101");
        var shown = $(com.vaadin.flow.component.html.Div.class).id("duty-facts").getElement().getTextRecursively();
        assertThat(shown).contains("Ottoline Fairweather", "9 Jul 2015", "Risk of significant harm", "Injury seen");

        // a push refreshes the queue but fetches nothing again, and the board never holds the name
        feed.set(knownBoard(), Liveness.LIVE);
        view.refresh();
        assertThat(backend.detailsAsked).hasSize(1);
        assertThat(feed.read(s -> s.snapshot(NOW).toString()).orElseThrow()).doesNotContain("Ottoline");
    }

    @Test
    void theDetailShowsTheStatutoryDecisionTimeBesideTheRagClockAndSinceWhenASignOffWaits() {
        var view = open();
        // Amber, 24 working hours on its RAG clock; its decision is due at 16:59 and waits for sign-off
        var waiting = new ReferralCard(102, Cards.reference(102), at("13:30"), Channel.PHONE, Source.HEALTH,
                "Q.X.Z.", "ck", Rag.AMBER, Stage.AWAITING_DECISION, Set.of(), false, at("13:30").plusSeconds(86_400),
                null, null, PoliceCheck.NOT_NEEDED, at("16:59"), at("13:40"));
        push(view, BoardEvent.of(12, at("13:59"), BoardEventType.RAG_CHANGED, waiting));
        view.grid.select(view.rows().get(ids(view).indexOf(102L)));
        assertThat(panelText(view)).contains("Decision due16:59", "awaiting sign-off since Tue 13:40")
                .doesNotContain("overdue");

        // its statutory clock ran out before its RAG clock: the panel says so
        var late = new ReferralCard(102, Cards.reference(102), at("13:30"), Channel.PHONE, Source.HEALTH,
                "Q.X.Z.", "ck", Rag.AMBER, Stage.AWAITING_DECISION, Set.of(), false, at("13:30").plusSeconds(86_400),
                null, null, PoliceCheck.NOT_NEEDED, at("13:50"), (Instant) null);
        push(view, BoardEvent.of(13, at("13:59"), BoardEventType.RAG_CHANGED, late));
        assertThat(panelText(view)).contains("Decision due13:50 · overdue").doesNotContain("awaiting sign-off");
    }

    @Test
    void theDetailPanelFollowsEveryChangeWhoeverMadeIt() {
        var view = open();
        view.grid.select(view.rows().get(2));
        assertThat(view.panel.reference).isEqualTo(Cards.reference(102));
        assertThat(panelText(view)).contains("J. Patel", "Red", "Received");

        // another lead moves it and re-rates it: the panel says so without a click
        push(view, BoardEvent.of(12, at("13:58"), BoardEventType.ALLOCATION_CHANGED,
                new AllocationCard(WorkType.REFERRAL, 102, Cards.reference(102), 8, "K. Osei", 2, at("13:58"),
                        "duty.lead2")));
        push(view, BoardEvent.of(13, at("13:59"), BoardEventType.RAG_CHANGED,
                Cards.card(102, Source.HEALTH, Rag.AMBER, Stage.SCREENING, at("13:30"), at("13:30").plusSeconds(86_400))));
        assertThat(panelText(view)).contains("K. Osei", "Amber", "Screening").doesNotContain("J. Patel");
        assertThat(view.panel.reallocate.getText()).isEqualTo("Reallocate…");
        assertThat(view.panel.rate.getText()).isEqualTo("Re-rate");

        // filtered out of the queue, it stays in the panel; decided, the panel says so
        view.rag.setValue(RagColumn.GREEN);
        assertThat(view.panel).isNotNull();
        var decided = new ReferralCard(102, Cards.reference(102), at("13:30"), Channel.PHONE, Source.HEALTH, "Q.X.Z.",
                "ck", Rag.AMBER, Stage.DECIDED, Set.of(), false, at("13:30").plusSeconds(86_400),
                Outcome.EARLY_HELP, at("13:59"));
        push(view, BoardEvent.of(14, at("13:59"), BoardEventType.REFERRAL_DECIDED, decided));
        assertThat(panelText(view)).contains(Cards.reference(102) + " is no longer open");
    }

    @Test
    void aLeadRatesMovesRecordsChecksAndDecidesAsThemselves() {
        var view = open();
        view.grid.select(view.rows().get(ids(view).indexOf(106L)));
        var panel = view.panel;
        assertThat(panel.checks.isVisible()).isTrue();
        backend.card = police106();

        panel.newRag.setValue(Rag.RED);
        panel.ragReason.setValue("Weapon in the house");
        test(panel.rate).click();
        panel.newStage.setValue(Stage.INFORMATION_GATHERING);
        test(panel.move).click();
        panel.summary.setValue("Two call-outs this year");
        test(panel.checksDone).click();
        test(panel.decide).click();
        roundTrip();
        var dialog = view.decision;
        assertThat(dialog.threshold.getListDataView().getItems().toList())
                .containsExactly("Universal", "Early help", "Child in need", "Child protection");
        dialog.outcome.setValue(Outcome.STRATEGY_S47);
        dialog.rationale.setValue("Weapon and a child under five");
        dialog.threshold.setValue("Child protection");
        dialog.nextStep.setValue(org.mashlive.referral.api.NextStep.ASSESSMENT);
        dialog.told.setValue(true);
        dialog.toldAt.setValue(java.time.LocalDateTime.of(2026, 3, 10, 14, 5));
        dialog.toldHow.setValue(org.mashlive.referral.api.FeedbackWay.PHONE);
        var c = police106();
        backend.card = new ReferralCard(c.id(), c.reference(), c.receivedAt(), c.channel(), c.source(), c.initials(),
                c.childKey(), c.rag(), c.stage(), c.flags(), c.reReferral(), c.dueAt(), null, null, c.policeCheck(),
                c.decisionDueAt(), at("14:06"));
        test(dialog.record).click();

        assertThat(backend.screening).containsExactly(
                "duty.lead RateRequest[reference=MASH-2026-000106, rag=RED, reason=Weapon in the house]",
                "duty.lead StageRequest[reference=MASH-2026-000106, stage=INFORMATION_GATHERING]",
                "duty.lead PoliceCheckRequest[reference=MASH-2026-000106, summary=Two call-outs this year]",
                "duty.lead DecisionRequest[reference=MASH-2026-000106, outcome=STRATEGY_S47, "
                        + "rationale=Weapon and a child under five, threshold=Child protection, nextStep=ASSESSMENT, "
                        + "receivingTeam=, referrerToldAt=2026-03-10T14:05:00Z, referrerToldHow=PHONE]");
        // one notification at a time: the last answer replaced the others
        assertThat(notices()).containsExactly("MASH-2026-000106 decided: " + Outcome.STRATEGY_S47.label()
                + " — awaiting sign-off by another duty lead");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void aRefusedDecisionKeepsTheDialogOpenAndSaysWhyInTheBackendsWords() {
        var view = open();
        view.grid.select(view.rows().getFirst());
        test(view.panel.decide).click();
        roundTrip();
        var dialog = view.decision;
        dialog.outcome.setValue(Outcome.EARLY_HELP);
        backend.nextFailure = new DutyException(DutyException.Kind.REFUSED, "rationale: must say why this decision was made");
        test(dialog.record).click();
        assertThat(notices()).containsExactly("MASH-2026-000101: rationale: must say why this decision was made");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void wrongInputGetsTheBackendsMessage() {
        var view = open();
        view.grid.select(view.rows().getFirst());
        backend.nextFailure = new DutyException(DutyException.Kind.REFUSED,
                "reason: must say why the RAG is set or changed");
        view.panel.newRag.setValue(Rag.AMBER);
        test(view.panel.rate).click();
        assertThat(notices()).containsExactly("MASH-2026-000101: reason: must say why the RAG is set or changed");

        backend.nextFailure = new DutyException(DutyException.Kind.CLOSED,
                "MASH-2026-000101 is already decided, so moving it is no longer possible");
        view.panel.newStage.setValue(Stage.AWAITING_DECISION);
        test(view.panel.move).click();
        assertThat(notices()).containsExactly(
                "MASH-2026-000101: MASH-2026-000101 is already decided, so moving it is no longer possible");
    }

    @Test
    void aMoveThatLostSaysWhoHasItNow() {
        backend.candidates = List.of(PATEL, OSEI);
        var view = open();
        view.openDialog(Cards.reference(102));
        var dialog = view.dialog;
        assertThat(dialog.to.getListDataView().getItems().toList()).containsExactly(OSEI);
        dialog.to.setValue(OSEI);

        dialog.submit(false);
        assertThat(backend.allocations).isEmpty();
        assertThat(notices()).containsExactly("Give a reason for moving MASH-2026-000102");

        dialog.reason.setValue("Patel is off sick");
        backend.nextFailure = new DutyException(DutyException.Kind.CONFLICT,
                "MASH-2026-000102 was moved to L. Grey by duty.lead2 at 13:59 (version 2); nothing was changed.");
        dialog.submit(false);
        assertThat(backend.allocations).singleElement().satisfies(request -> {
            assertThat(request.expectedVersion()).isEqualTo(1);
            assertThat(request.staffId()).isEqualTo(8);
            assertThat(request.reason()).isEqualTo("Patel is off sick");
        });
        assertThat(notices()).singleElement().asString().contains("moved to L. Grey by duty.lead2");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void aMoveThatNeedsConfirmingShowsTheWarningsAndConfirms() {
        backend.candidates = List.of(PATEL, OSEI);
        var view = open();
        view.openDialog(Cards.reference(101));
        var dialog = view.dialog;
        dialog.to.setValue(OSEI);
        backend.nextFailure = new DutyException(DutyException.Kind.CONFIRMATION_REQUIRED,
                "K. Osei has 6 open cases (limit 6)\nK. Osei is off shift until Tue 20:00");
        dialog.submit(false);
        assertThat(dialog.confirm.isVisible()).isTrue();
        assertThat(dialog.warnings.getElement().getTextRecursively())
                .contains("K. Osei has 6 open cases (limit 6)", "K. Osei is off shift until Tue 20:00");
        assertThat(notices()).anyMatch(text -> text.startsWith("Needs confirming: K. Osei has 6 open cases"));

        backend.answer = new AllocationCard(WorkType.REFERRAL, 101, Cards.reference(101), 8, "K. Osei", 1, NOW);
        test(dialog.confirm).click();
        assertThat(backend.allocations).extracting(request -> request.confirm()).containsExactly(false, true);
        assertThat(backend.allocations.getLast().expectedVersion()).isNull();
        assertThat(notices()).containsExactly("MASH-2026-000101 allocated to K. Osei");
    }

    @Test
    void theMoveDialogPutsThoseFitForTheWorkAndOnShiftFirstAndSearches() {
        backend.candidates = List.of(DALE, AKINS, OSEI, BROOK, PATEL);
        var view = open();
        view.openDialog(Cards.reference(101));
        assertThat(view.dialog.to.getListDataView().getItems().map(CandidateCard::name).toList())
                .containsExactly("M. Brook", "J. Patel", "K. Osei", "N. Dale", "PC L. Akins");
        assertThat($(H3.class).all().stream().map(H3::getText).toList()).contains(
                "Senior practitioners · on shift", "Social workers · on shift", "Social workers · not available now");
        view.dialog.search.setValue("pat");
        assertThat(view.dialog.to.getListDataView().getItems().map(CandidateCard::name).toList())
                .containsExactly("J. Patel");
        view.dialog.search.setValue("police");
        assertThat(view.dialog.to.getListDataView().getItems().map(CandidateCard::name).toList())
                .containsExactly("PC L. Akins");
        view.dialog.close();

        // police checks go to police officers: they come first
        view.openDialog(Cards.reference(106), WorkType.POLICE_CHECK);
        assertThat(view.dialog.to.getListDataView().getItems().map(CandidateCard::name).toList().getFirst())
                .isEqualTo("PC L. Akins");
        assertThat(view.dialog.getHeaderTitle()).isEqualTo("Allocate the police checks on MASH-2026-000106");
    }

    @Test
    void theLeastImportantColumnsGiveWayOnASmallScreen() {
        var view = open();
        view.fitColumns(1920);
        assertThat(view.grid.getColumns()).allMatch(column -> column.isVisible());
        view.fitColumns(1280);
        assertThat(view.grid.getColumns().stream().filter(column -> column.isVisible()).map(column -> column.getKey()))
                .containsExactly("reference", "rag", "stage", "time-left", "allocated", "checks");
    }

    /** {@code card} carrying {@code flags}. */
    private static ReferralCard flagged(ReferralCard c, Set<org.mashlive.board.api.Flag> flags) {
        return new ReferralCard(c.id(), c.reference(), c.receivedAt(), c.channel(), c.source(), c.initials(),
                c.childKey(), c.rag(), c.stage(), flags, c.reReferral(), c.dueAt(), c.outcome(), c.decidedAt(),
                c.policeCheck(), c.decisionDueAt(), c.awaitingSignOffSince(), c.healthType());
    }

    @Test
    void aLeadSetsAndClearsTheFlagsWithAReasonAndThePanelFollowsOtherLeadsChanges() {
        var view = open();
        view.grid.select(view.rows().get(ids(view).indexOf(106L)));
        var editor = view.panel.flags;
        assertThat(editor.flags.getValue()).as("as the board has them").isEmpty();

        // another lead flags it: the boxes follow
        push(view, BoardEvent.of(12, at("13:58"), BoardEventType.FLAGS_CHANGED,
                flagged(police106(), Set.of(org.mashlive.board.api.Flag.DOMESTIC_ABUSE))));
        assertThat(editor.flags.getValue()).containsExactly(org.mashlive.board.api.Flag.DOMESTIC_ABUSE);

        // a refusal is shown in the backend's words, and what the lead ticked stays ticked
        editor.flags.setValue(Set.of(org.mashlive.board.api.Flag.SEND, org.mashlive.board.api.Flag.NON_VERBAL));
        backend.nextFailure = new DutyException(DutyException.Kind.REFUSED,
                "reason: must say why the flags are set or cleared");
        test(editor.save).click();
        assertThat(notices()).containsExactly("MASH-2026-000106: reason: must say why the flags are set or cleared");
        assertThat(editor.flags.getValue()).containsExactlyInAnyOrder(org.mashlive.board.api.Flag.SEND,
                org.mashlive.board.api.Flag.NON_VERBAL);

        editor.reason.setValue("EHC plan; does not speak");
        backend.card = flagged(police106(), Set.of(org.mashlive.board.api.Flag.SEND, org.mashlive.board.api.Flag.NON_VERBAL));
        test(editor.save).click();
        assertThat(backend.screening).last().asString().startsWith(
                "duty.lead FlagsRequest[reference=MASH-2026-000106, flags=[").endsWith(
                "], reason=EHC plan; does not speak]").contains("SEND").contains("NON_VERBAL")
                .doesNotContain("DOMESTIC_ABUSE");
        assertThat(notices()).containsExactly("Flags on MASH-2026-000106 saved");
        assertThat(editor.reason.getValue()).isEmpty();
    }
}
