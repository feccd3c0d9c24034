package org.mashlive.wallboard;

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
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.api.ReferralDetail;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.notification.Notification;

/** The duty view against a known board and a backend that answers what each test says. */
class DutyViewTest extends BrowserlessTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final TestDutyBackend backend = new TestDutyBackend();

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(org.mashlive.testing.TestInstantiatorFactory.class);
    }

    DutyViewTest() {
        TestViews.feed = feed;
        TestViews.clock = new MutableClock(NOW);
        TestViews.duty = backend;
    }

    private static Instant at(String londonTime) {
        return Instant.parse("2026-03-10T" + londonTime + ":00Z");
    }

    private static final CandidateCard PATEL = new CandidateCard(7, "J. Patel", "SOCIAL_WORKER", true, false, null, 2, 6);
    private static final CandidateCard OSEI = new CandidateCard(8, "K. Osei", "SOCIAL_WORKER", false, false,
            at("20:00"), 6, 6);

    /** Five open referrals, two breached; 102 is with J. Patel, 103 with K. Osei. */
    private static BoardState knownBoard() {
        var redBreached = Cards.card(101, Source.POLICE, Rag.RED, Stage.SCREENING, at("13:00"), at("13:30"));
        var redInTime = Cards.card(102, Source.HEALTH, Rag.RED, Stage.RECEIVED, at("13:30"), at("17:30"));
        var amber = Cards.card(103, Source.EDUCATION, Rag.AMBER, Stage.INFORMATION_GATHERING, at("10:48"),
                at("10:48").plus(Duration.ofHours(24)));
        var greenBreached = Cards.card(104, Source.FAMILY_SELF, Rag.GREEN, Stage.AWAITING_DECISION,
                at("08:00").minus(Duration.ofDays(3)), at("08:00"));
        var unrated = Cards.card(105, Source.POLICE, null, Stage.RECEIVED, at("13:55"), at("14:55"));
        var state = BoardState.from(Cards.snapshot(9, NOW, List.of(redBreached, redInTime, amber, greenBreached, unrated),
                Map.of(), List.of()));
        state.apply(BoardEvent.of(10, at("13:40"), BoardEventType.ALLOCATION_CHANGED,
                new AllocationCard(WorkType.REFERRAL, 102, Cards.reference(102), 7, "J. Patel", 1, at("13:40"))));
        state.apply(BoardEvent.of(11, at("13:41"), BoardEventType.ALLOCATION_CHANGED,
                new AllocationCard(WorkType.REFERRAL, 103, Cards.reference(103), 8, "K. Osei", 2, at("13:41"))));
        return state;
    }

    private DutyView open() {
        feed.set(knownBoard(), Liveness.LIVE);
        var view = navigate("duty", DutyView.class);
        view.refresh();
        return view;
    }

    private static List<Long> ids(DutyView view) {
        return view.rows().stream().map(row -> row.card().id()).toList();
    }

    private List<String> notices() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }

    @Test
    void breachesComeFirstThenRedThenTheLongestWaiting() {
        var view = open();
        assertThat(ids(view)).containsExactly(101L, 104L, 102L, 103L, 105L);
        assertThat(view.rows()).extracting(DutyQueue.Row::allocatedTo)
                .containsExactly("Unallocated", "Unallocated", "J. Patel", "K. Osei", "Unallocated");
        assertThat(view.rows().getFirst().breached()).isTrue();
        assertThat(BoardText.timeLeft(view.rows().get(2).timeLeft())).isEqualTo("3 h 30 m left");
    }

    @Test
    void filtersByStageRagSourceAndPerson() {
        var view = open();
        view.stage.setValue(Stage.RECEIVED);
        assertThat(ids(view)).containsExactly(102L, 105L);
        view.stage.clear();
        view.rag.setValue(RagColumn.NOT_RATED);
        assertThat(ids(view)).containsExactly(105L);
        view.rag.clear();
        view.source.setValue(Source.POLICE);
        assertThat(ids(view)).containsExactly(101L, 105L);
        view.source.clear();
        view.person.setValue(new DutyView.PersonChoice(7, "J. Patel"));
        assertThat(ids(view)).containsExactly(102L);
        view.person.setValue(DutyView.PersonChoice.NOBODY);
        assertThat(ids(view)).containsExactly(101L, 104L, 105L);
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
        assertThat(feed.read(state -> state.snapshot(NOW).toString()).orElseThrow()).doesNotContain("Ottoline");
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
        assertThat(notices()).contains("Give a reason for moving MASH-2026-000102");

        dialog.reason.setValue("Patel is off sick");
        backend.nextFailure = new DutyException(DutyException.Kind.CONFLICT,
                "MASH-2026-000102 was moved to L. Grey by duty.lead2 at 13:59 (version 2); nothing was changed.");
        dialog.submit(false);
        assertThat(backend.allocations).singleElement().satisfies(request -> {
            assertThat(request.expectedVersion()).isEqualTo(1);
            assertThat(request.staffId()).isEqualTo(8);
            assertThat(request.reason()).isEqualTo("Patel is off sick");
        });
        assertThat(notices()).anyMatch(text -> text.contains("moved to L. Grey by duty.lead2"));
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
        assertThat(notices()).contains("MASH-2026-000101 allocated to K. Osei");
    }
}
