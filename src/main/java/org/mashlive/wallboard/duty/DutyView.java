package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.api.PoliceCheckRequest;
import org.mashlive.referral.api.RateRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.StageRequest;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.HubTeams;
import org.mashlive.wallboard.TeamFeed;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DueSoon;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.PushPacing;
import org.mashlive.wallboard.RagColumn;
import org.mashlive.wallboard.WarningWindows;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import reactor.core.Disposable;

/**
 * The duty lead's view: the queue of open referrals from the shared board, live, searchable,
 * sortable and filtered; and for the referral selected, what it is now (following every change,
 * whoever made it), the child's identifying detail (fetched from the backend as the signed-in
 * person, so the backend audits it, and shown in this UI only), and the lead's actions: rate and
 * re-rate with a reason, move a stage, record the police checks done, record the decision, give or
 * move the case or its checks. Each action goes to the backend as the person; its answer, or its
 * refusal in the API's words, is the one notification shown. Pushes a change after a quiet spell at once, and
 * further changes at most every {@link #BATCH}.
 */
@Route("duty")
@RolesAllowed({Access.DUTY_LEAD, Access.ADMIN})
@PageTitle("Duty · MASH live board")
@StyleSheet("styles/duty.css")
class DutyView extends Main {

    static final Duration BATCH = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofSeconds(30);
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** Below these window widths (CSS px) the least important columns give way, in this order. */
    static final int WITHOUT_SOURCE = 1700;
    static final int WITHOUT_RECEIVED = 1450;
    static final int WITHOUT_CHECKS = 1100;

    /** A choice in the "allocated to" filter. */
    record PersonChoice(long staffId, String name) {
        static final PersonChoice NOBODY = new PersonChoice(DutyQueue.Filter.NOBODY, "Unallocated");
    }

    private final BoardFeed feed;
    private final DutyBackend backend;
    private final Clock clock;
    private final ActingUser user;
    private final WarningWindows windows;
    private final Span dueSoon = new Span();
    final Notices notices = new Notices();

    private final Span liveness = new Span();
    private final Span count = new Span();
    final TextField search = new TextField();
    final Select<Stage> stage = new Select<>();
    final Select<RagColumn> rag = new Select<>();
    final Select<Source> source = new Select<>();
    final ComboBox<PersonChoice> person = new ComboBox<>("Allocated to");
    final Checkbox mine = new Checkbox("My cases");
    /** Only referrals with a request to a partner still waiting. */
    final Checkbox waitingOnPartners = new Checkbox("Waiting on partners");
    /** The hub's teams ({@code mash.staff.teams}): a team's queue is its board's referrals. */
    final Select<String> team = new Select<>();
    private final java.util.function.Supplier<List<String>> teams;
    /** The queue's feed: the hub's, or the chosen team's part of it. */
    private BoardFeed queueFeed;
    final Select<DutyQueue.Order> order = new Select<>();
    final Grid<DutyQueue.Row> grid = new Grid<>();
    Grid.Column<DutyQueue.Row> sourceColumn;
    Grid.Column<DutyQueue.Row> receivedColumn;
    Grid.Column<DutyQueue.Row> checksColumn;
    Grid.Column<DutyQueue.Row> siblingsColumn;
    /** The children of each contact in the queue now, for the siblings column. */
    private Siblings siblings = Siblings.NONE;
    private final Aside detail = new Aside();
    /** The detail panel of the selected referral; null when none is selected. */
    CasePanel panel;

    private List<DutyQueue.Row> rows = List.of();
    private String selected;
    private Disposable pushes;
    private Registration resizing;
    ReallocateDialog dialog;
    DecideDialog decision;

    @Autowired
    DutyView(BoardFeed feed, DutyBackend backend, Clock clock, WarningWindows windows, HubTeams teams) {
        this(feed, backend, clock, ActingUser.current().orElse(null), windows, teams::names);
    }

    DutyView(BoardFeed feed, DutyBackend backend, Clock clock, ActingUser user) {
        this(feed, backend, clock, user, WarningWindows.DEFAULT);
    }

    DutyView(BoardFeed feed, DutyBackend backend, Clock clock, ActingUser user, WarningWindows windows) {
        this(feed, backend, clock, user, windows, List::of);
    }

    DutyView(BoardFeed feed, DutyBackend backend, Clock clock, ActingUser user, WarningWindows windows,
             java.util.function.Supplier<List<String>> teams) {
        this.feed = feed;
        this.queueFeed = feed;
        this.teams = teams;
        this.windows = windows;
        this.backend = backend;
        this.clock = clock;
        this.user = user;
        setId("duty");
        addClassName("duty");
        add(header(), filters(), body());
        refresh();
    }

    private Header header() {
        var title = new H1("Duty queue");
        liveness.setId("duty-live");
        count.setId("duty-count");
        dueSoon.setId("duty-due-soon");
        dueSoon.addClassName("duty-due-soon");
        // who is signed in is in the shell's header above
        var header = new Header(title, count, dueSoon, liveness);
        header.addClassName("duty-header");
        return header;
    }

    private Div filters() {
        search.setId("duty-search");
        search.setLabel("Reference");
        search.setPlaceholder("e.g. 000123");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        stage.setId("duty-filter-stage");
        stage.setLabel("Stage");
        stage.setItems(Arrays.stream(Stage.values()).filter(Stage::open).toList());
        stage.setItemLabelGenerator(value -> value == null ? "Any stage" : value.label());
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption("Any stage");
        rag.setId("duty-filter-rag");
        rag.setLabel("RAG");
        rag.setItems(RagColumn.values());
        rag.setItemLabelGenerator(value -> value == null ? "Any RAG" : value.label());
        rag.setEmptySelectionAllowed(true);
        rag.setEmptySelectionCaption("Any RAG");
        source.setId("duty-filter-source");
        source.setLabel("Source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(value -> value == null ? "Any source" : value.label());
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption("Any source");
        person.setId("duty-filter-person");
        person.setItemLabelGenerator(PersonChoice::name);
        person.setClearButtonVisible(true);
        person.setPlaceholder("Anyone");
        mine.setId("duty-mine");
        mine.setTooltipText("Cases and police checks you allocated or moved last");
        order.setId("duty-order");
        order.setLabel("Order");
        order.setItems(DutyQueue.Order.values());
        order.setItemLabelGenerator(DutyQueue.Order::label);
        order.setValue(DutyQueue.Order.PRIORITY);
        search.addValueChangeListener(e -> refresh());
        stage.addValueChangeListener(e -> refresh());
        rag.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        person.addValueChangeListener(e -> refresh());
        mine.addValueChangeListener(e -> refresh());
        waitingOnPartners.setId("duty-waiting-partners");
        waitingOnPartners.setTooltipText("Referrals with an information request to a partner not yet answered");
        waitingOnPartners.addValueChangeListener(e -> refresh());
        team.setId("duty-filter-team");
        team.setLabel("Team");
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption("Whole hub");
        team.setItemLabelGenerator(value -> value == null ? "Whole hub" : value);
        team.setItems(teams.get());
        team.addValueChangeListener(e -> {
            // the same narrowing as the team's board: referrals someone of the team works
            queueFeed = e.getValue() == null ? feed : new TeamFeed(feed, e.getValue(), clock);
            refresh();
        });
        order.addValueChangeListener(e -> {
            // a chosen order replaces a column's sort
            grid.sort(List.of());
            refresh();
        });
        var filters = new Div(search, team, stage, rag, source, person, mine, waitingOnPartners, order);
        filters.addClassName("duty-filters");
        return filters;
    }

    private Div body() {
        grid.setId("duty-queue");
        grid.setAriaLabel("Open referrals");
        grid.addColumn(DutyQueue.Row::reference).setHeader("Reference").setKey("reference")
                .setComparator(DutyQueue.Row::reference).setWidth("11.5rem").setFlexGrow(0);
        grid.addComponentColumn(row -> ragBadge(row.card().rag())).setHeader("RAG").setKey("rag")
                .setComparator(row -> RagColumn.of(row.card().rag()).ordinal()).setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(row -> row.card().stage().label()).setHeader("Stage").setKey("stage")
                .setComparator(row -> row.card().stage().ordinal()).setWidth("9rem").setFlexGrow(2);
        sourceColumn = grid.addColumn(row -> org.mashlive.wallboard.HealthWords.source(row.card())).setHeader("Source")
                .setKey("source").setComparator(row -> org.mashlive.wallboard.HealthWords.source(row.card())).setWidth("7rem").setFlexGrow(1);
        receivedColumn = grid.addColumn(row -> RECEIVED.format(row.card().receivedAt().atZone(feed.zone())) + " · "
                        + BoardText.duration(row.waited()))
                .setHeader("Received · waiting").setKey("received")
                .setComparator(DutyQueue.WAITING).setWidth("11rem").setFlexGrow(1);
        grid.addColumn(DutyQueue.Row::timeLeftText).setHeader("Time left").setKey("time-left")
                .setComparator(DutyQueue.TIME_LEFT).setWidth("8.5rem").setFlexGrow(1);
        grid.addColumn(DutyQueue.Row::allocatedTo).setHeader("Allocated to").setKey("allocated")
                .setComparator(DutyQueue.Row::allocatedTo).setWidth("9rem").setFlexGrow(2);
        checksColumn = grid.addColumn(DutyQueue.Row::policeChecks).setHeader("Police checks").setKey("checks")
                .setComparator(DutyQueue.Row::policeChecks).setWidth("9rem").setFlexGrow(2);
        // a household named in one contact: sorting by this column brings its children together
        siblingsColumn = grid.addColumn(row -> siblings.text(row.card())).setHeader("Siblings").setKey("siblings")
                .setComparator(row -> Siblings.groupKey(row.card())).setWidth("7.5rem").setFlexGrow(0);
        grid.getColumns().forEach(column -> column.setSortable(true).setResizable(true));
        grid.setMultiSort(false);
        grid.setPartNameGenerator(row -> row.breached() ? "breached" : row.dueSoon() ? "due-soon" : null);
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresentOrElse(
                row -> {
                    if (!row.reference().equals(selected)) {
                        showDetail(row);
                    }
                },
                () -> {
                    // a second click on the selected row means "this one" to a lead, not "close it":
                    // the row stays selected and its panel open (a refresh or a filter never closes it either)
                    if (event.isFromClient() && selected != null) {
                        rows.stream().filter(row -> row.reference().equals(selected)).findFirst()
                                .ifPresent(grid::select);
                    }
                }));
        detail.setId("duty-detail");
        detail.addClassName("duty-detail");
        clearDetail();
        var body = new Div(grid, detail);
        body.addClassName("duty-body");
        return body;
    }

    static Span ragBadge(Rag value) {
        var column = RagColumn.of(value);
        var badge = new Span(column.label());
        badge.addClassNames("rag-badge", "rag-" + column.key());
        return badge;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.getElement().setAttribute("theme", "dark");
        if (team.getValue() == null) {
            // the teams as read now: the backend may not have answered when the view was made
            team.setItems(teams.get());
        }
        refresh();
        stopPushes();
        pushes = PushPacing.refreshing(ui, feed.changes(), BATCH, TICK, this::refreshFromPush);
        ui.getPage().retrieveExtendedClientDetails(details -> fitColumns(details.getWindowInnerWidth()));
        resizing = ui.getPage().addBrowserWindowResizeListener(resize -> fitColumns(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPushes();
        if (resizing != null) {
            resizing.remove();
            resizing = null;
        }
        super.onDetach(event);
    }

    private void stopPushes() {
        if (pushes != null) {
            pushes.dispose();
            pushes = null;
        }
    }

    /** Shows the columns a window {@code width} CSS px wide has room for: the least important go first. */
    void fitColumns(int width) {
        sourceColumn.setVisible(width >= WITHOUT_SOURCE);
        siblingsColumn.setVisible(width >= WITHOUT_SOURCE);
        receivedColumn.setVisible(width >= WITHOUT_RECEIVED);
        checksColumn.setVisible(width >= WITHOUT_CHECKS);
    }

    /** The filter the controls say. */
    DutyQueue.Filter filter() {
        var chosen = person.getValue();
        return new DutyQueue.Filter(stage.getValue(), rag.getValue(), source.getValue(),
                chosen == null ? null : chosen.staffId(),
                Boolean.TRUE.equals(mine.getValue()) && user != null ? user.username() : null,
                search.getValue());
    }

    /** Brings the queue and the selected referral's panel up to date with the shared board now. */
    void refresh() {
        Instant now = clock.instant();
        var live = feed.liveness();
        liveness.setText(BoardText.liveness(live, now, feed.zone()));
        liveness.getElement().setAttribute("data-live", String.valueOf(live.live()));
        var filter = filter();
        var chosenOrder = order.getValue() == null ? DutyQueue.Order.PRIORITY : order.getValue();
        boolean partnersOnly = Boolean.TRUE.equals(waitingOnPartners.getValue());
        var shown = queueFeed.read(state -> {
                    var queue = DutyQueue.rows(state, now, filter, chosenOrder, windows);
                    return partnersOnly ? PartnerFilter.waiting(state, queue) : queue;
                })
                .orElse(List.<DutyQueue.Row>of());
        // counted over the whole queue, whatever the filter: a warning is not filtered away
        int soon = feed.read(state -> DueSoon.at(state.open(), state.rota().settings().coreHours(), windows, now)
                .size()).orElse(0);
        dueSoon.setText(soon == 0 ? "none due soon" : soon + " due soon");
        dueSoon.getElement().setAttribute("data-due-soon", String.valueOf(soon));
        var people = feed.read(DutyView::people).orElse(List.of());
        if (!people.equals(person.getListDataView().getItems().toList())) {
            var value = person.getValue();
            person.setItems(people);
            person.setValue(value != null && people.contains(value) ? value : null);
        }
        int open = feed.read(state -> state.open().size()).orElse(0);
        count.setText(filter.any() || partnersOnly
                ? shown.size() + " of " + open + " open referrals"
                : open + (open == 1 ? " open referral" : " open referrals"));
        grid.setEmptyStateText(open == 0 ? "No open referrals"
                : partnersOnly && shown.isEmpty() && !filter.any() ? "No referral is waiting on a partner"
                : filter.emptyText(person.getValue() == null ? null : person.getValue().name()));
        rows = shown;
        siblings = feed.read(state -> Siblings.of(state.open())).orElse(Siblings.NONE);
        // rows are known by their reference: a click on a row drawn before this refresh still
        // selects it, and the selection survives the refresh
        grid.setItems(shown).setIdentifierProvider(DutyQueue.Row::reference);
        if (selected != null) {
            shown.stream().filter(row -> row.reference().equals(selected)).findFirst().ifPresent(grid::select);
            if (panel != null) {
                panel.follow(feed.read(state -> DutyQueue.find(state, now, selected, windows)).orElse(null));
            }
        }
    }

    /**
     * As {@link #refresh}, for a push: the selected referral's partner requests are read again when
     * the board shows them changed (another lead asked, chased or recorded an answer).
     */
    private void refreshFromPush() {
        refresh();
        var open = panel;
        if (open != null) {
            feed.read(state -> PartnerPanel.onBoard(state, open.reference))
                    .ifPresent(now -> open.partners.follow(now, UI.getCurrent()));
        }
    }

    /** When the statutory decision is due, "16:59" today or "Mon 16:59", and whether it is late. */
    private String decisionDue(org.mashlive.board.api.ReferralCard card) {
        if (card.decisionDueAt() == null) {
            return "not known";
        }
        Instant at = clock.instant();
        return BoardText.when(card.decisionDueAt(), at, feed.zone()) + (card.decisionOverdueAt(at) ? " · overdue" : "");
    }

    /** The people who hold open cases, and "Unallocated", for the filter. */
    private static List<PersonChoice> people(BoardState state) {
        var byId = new LinkedHashMap<Long, PersonChoice>();
        byId.put(PersonChoice.NOBODY.staffId(), PersonChoice.NOBODY);
        state.allocations().stream()
                .filter(card -> card.workType() == WorkType.REFERRAL)
                .sorted(Comparator.comparing(AllocationCard::staffName))
                .forEach(card -> byId.putIfAbsent(card.staffId(), new PersonChoice(card.staffId(), card.staffName())));
        return List.copyOf(byId.values());
    }

    /** The rows shown now, in order. */
    List<DutyQueue.Row> rows() {
        return rows;
    }

    private void clearDetail() {
        selected = null;
        panel = null;
        detail.removeAll();
        detail.add(new Paragraph("Select a referral to see who the child is, to screen it and to move it."));
    }

    /** Shows {@code row}'s panel and fetches its identifying detail: the backend records that this person saw it. */
    void showDetail(DutyQueue.Row row) {
        selected = row.reference();
        detail.removeAll();
        panel = new CasePanel(row);
        detail.add(panel);
        if (user == null) {
            notice("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            panel.showFacts(backend.detail(user, row.reference()));
        } catch (DutyException e) {
            notice("Could not show " + row.reference() + ": " + e.getMessage(), true);
        }
        var reference = row.reference();
        feed.read(state -> PartnerPanel.onBoard(state, reference)).ifPresent(panel.partners::seen);
        panel.partners.load();
    }

    /** Opens the move dialog for the referral {@code reference}, or for its police checks, as the queue shows it now. */
    void openDialog(String reference, WorkType work) {
        var row = feed.read(state -> DutyQueue.find(state, clock.instant(), reference, windows)).orElse(null);
        if (row == null) {
            notice(reference + " is no longer open", true);
            return;
        }
        if (user == null) {
            notice("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        List<CandidateCard> candidates;
        try {
            candidates = backend.candidates(user);
        } catch (DutyException e) {
            notice("Could not list the people: " + e.getMessage(), true);
            return;
        }
        dialog = new ReallocateDialog(row, work, candidates, clock, feed.zone(), backend, user, new ReallocateDialog.Outcome() {
            @Override
            public void moved(AllocationCard now) {
                notice((work == WorkType.POLICE_CHECK ? "Police checks on " : "") + now.reference()
                        + " allocated to " + now.staffName(), false);
                refresh();
            }

            @Override
            public void lost(String message) {
                notice(message, true);
                refresh();
            }

            @Override
            public void notice(String text, boolean error) {
                DutyView.this.notice(text, error);
            }
        });
        dialog.open();
    }

    /** Opens the move dialog for the referral itself. */
    void openDialog(String reference) {
        openDialog(reference, WorkType.REFERRAL);
    }

    /** Shows a notification in place of the one showing. */
    void notice(String text, boolean error) {
        notices.show(text, error);
    }

    /** Runs one action on the backend as the person, and says what came of it. */
    private void act(String reference, String done, java.util.function.Function<ActingUser, ReferralCard> action,
                     java.util.function.Consumer<ReferralCard> after) {
        if (user == null) {
            notice("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            var card = action.apply(user);
            notice(done, false);
            after.accept(card);
            refresh();
        } catch (DutyException e) {
            // the backend's words: they name the field and what it must be, or why the referral no longer allows it
            notice(reference + ": " + e.getMessage(), true);
            refresh();
        }
    }

    /**
     * The selected referral: where it stands now (following the board), the child's detail, and
     * the lead's actions on it.
     */
    final class CasePanel extends Div {

        final String reference;
        final Div status = new Div();
        final Select<Rag> newRag = new Select<>();
        final TextField ragReason = new TextField("Reason");
        final Button rate = new Button("Rate");
        final Select<Stage> newStage = new Select<>();
        final Button move = new Button("Move stage");
        final Section checks = new Section();
        final TextArea summary = new TextArea("What the checks found");
        final Button checksDone = new Button("Record checks done");
        final Button allocateChecks = new Button("Allocate checks…");
        final Button decide = new Button("Record decision…");
        final Button reallocate = new Button("Reallocate…");
        final FlagsEditor flags = new FlagsEditor(this::saveFlags);
        final Div facts = new Div();
        /** The referral's requests to partners, with their actions. */
        final PartnerPanel partners;
        private final Div actions;
        private UnorderedList history;
        private DutyQueue.Row row;

        CasePanel(DutyQueue.Row row) {
            this.reference = row.reference();
            setId("duty-case");
            var heading = new H2(reference);
            status.setId("duty-status");
            status.addClassName("duty-status");

            newRag.setId("duty-rag-choice");
            newRag.setLabel("RAG");
            newRag.setItems(Rag.values());
            newRag.setItemLabelGenerator(value -> RagColumn.of(value).label());
            ragReason.setId("duty-rag-reason");
            ragReason.setMaxLength(1000);
            ragReason.setPlaceholder("Why this RAG");
            rate.setId("duty-rate");
            rate.addClickListener(e -> rate());
            var rating = group("RAG", newRag, ragReason, rate);

            newStage.setId("duty-stage-choice");
            newStage.setLabel("Stage");
            newStage.setItems(Arrays.stream(Stage.values()).filter(Stage::open).toList());
            newStage.setItemLabelGenerator(Stage::label);
            move.setId("duty-move-stage");
            move.addClickListener(e -> moveStage());
            var staging = group("Stage", newStage, move);

            summary.setId("duty-check-summary");
            summary.setMaxLength(4000);
            summary.setWidthFull();
            checksDone.setId("duty-check-done");
            checksDone.addClickListener(e -> checksDone());
            allocateChecks.setId("duty-check-allocate");
            allocateChecks.addClickListener(e -> openDialog(reference, WorkType.POLICE_CHECK));
            checks.add(new H3("Police checks"), summary, new Div(checksDone, allocateChecks));
            checks.addClassName("duty-action");
            checks.setId("duty-checks");

            decide.setId("duty-decide");
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            decide.addClickListener(e -> decide());
            var deciding = group("Decision", decide);

            reallocate.setId("duty-reallocate");
            reallocate.addClickListener(e -> openDialog(reference));
            partners = new PartnerPanel(reference, backend, user, clock, feed.zone(), DutyView.this::notice);
            actions = new Div(rating, staging, flags, checks, deciding, new Div(reallocate), partners);
            actions.addClassName("duty-actions");
            facts.setId("duty-facts");
            facts.addClassName("duty-facts");
            add(heading, status, actions, facts);
            follow(row);
        }

        private Section group(String title, com.vaadin.flow.component.Component... parts) {
            var fields = new Div(parts);
            fields.addClassName("duty-action-fields");
            var section = new Section(new H3(title), fields);
            section.addClassName("duty-action");
            return section;
        }

        /** Shows the referral as the board has it now; {@code now} null once it is no longer open. */
        void follow(DutyQueue.Row now) {
            status.removeAll();
            if (now == null) {
                status.add(new Paragraph(reference + " is no longer open: it has been decided."));
                actions.setVisible(false);
                row = null;
                return;
            }
            row = now;
            var card = now.card();
            status.add(line("RAG", ragBadge(card.rag())),
                    line("Stage", new Span(card.stage().label())),
                    line("Time left", new Span(BoardText.timeLeft(now.timeLeft()))),
                    // the statutory clock beside the RAG's: one working day from receipt, whatever the RAG
                    line("Decision due", new Span(decisionDue(card))),
                    line("Allocated to", new Span(now.allocatedTo())),
                    line("Police checks", new Span(now.policeChecks())));
            if (card.awaitingSignOff()) {
                status.add(line("Decision", new Span("awaiting sign-off since "
                        + RECEIVED.format(card.awaitingSignOffSince().atZone(feed.zone())))));
            }
            decide.setEnabled(!card.awaitingSignOff());
            decide.setTooltipText(card.awaitingSignOff()
                    ? "A decision awaits another lead's sign-off: it is signed off or returned first" : null);
            rate.setText(card.rag() == null ? "Rate" : "Re-rate");
            reallocate.setText(now.allocation() == null ? "Allocate…" : "Reallocate…");
            allocateChecks.setText(now.checks() == null ? "Allocate checks…" : "Move checks…");
            checks.setVisible(card.policeCheck() == PoliceCheck.WAITING);
            flags.follow(card);
            actions.setVisible(true);
        }

        private Div line(String label, com.vaadin.flow.component.Component value) {
            var name = new Span(label);
            name.addClassName("label");
            value.getElement().getClassList().add("value");
            var line = new Div(name, value);
            line.addClassName("fact");
            return line;
        }

        void showFacts(ReferralDetail shown) {
            facts.removeAll();
            facts.add(fact("Child", (shown.firstName() == null ? "(first name not known)" : shown.firstName())
                    + " " + shown.lastName()));
            facts.add(shown.dateOfBirth() != null ? fact("Date of birth", DATE.format(shown.dateOfBirth()))
                    : shown.expectedDeliveryDate() != null
                    ? fact("Unborn", "expected " + DATE.format(shown.expectedDeliveryDate()))
                    : fact("Age", "about " + shown.estimatedAge() + " (date of birth not known)"));
            facts.add(fact("Concern", shown.concern()));
            if (shown.referrer() != null) {
                var by = shown.referrer();
                facts.add(fact("Referrer", String.join(" · ", java.util.stream.Stream.of(by.name(), by.role(),
                        by.agency(), by.contact()).filter(java.util.Objects::nonNull).toList())));
            }
            if (!shown.siblings().isEmpty()) {
                // the household's other children, named in the same contact: decided together or apart
                facts.add(fact("Same contact", String.join(", ", shown.siblings())));
            }
            if (shown.policeRiskLevel() != null) {
                facts.add(fact("Police risk", shown.policeRiskLevel().toLowerCase(Locale.ROOT)));
            }
            facts.add(fact("Consent", shown.consent().replace('_', ' ').toLowerCase(Locale.ROOT)
                    + (shown.consentOverrideReason() == null ? "" : " — " + shown.consentOverrideReason())));
            if (shown.receivedBy() != null) {
                facts.add(fact("Received by", shown.receivedBy()));
            }
            history = new UnorderedList();
            history.addClassName("duty-rag-history");
            for (var step : shown.ragHistory()) {
                var item = step(step.at(), step.from(), step.to(), step.reason());
                if (step.by() != null) {
                    item.add(" · " + step.by());
                }
                history.add(item);
            }
            facts.add(fact("RAG history", shown.ragHistory().isEmpty() ? "not rated yet" : ""), history);
            DecisionFacts.add(facts, shown, feed.zone());
        }

        private ListItem step(Instant at, Rag from, Rag to, String reason) {
            return new ListItem(RECEIVED.format(at.atZone(feed.zone())) + " · " + (from == null ? "" : RagColumn.of(from).label() + " → ")
                    + RagColumn.of(to).label() + " · " + reason);
        }

        void rate() {
            var chosen = newRag.getValue();
            String reason = ragReason.getValue();
            Rag before = row == null ? null : row.card().rag();
            act(reference, reference + " rated " + (chosen == null ? "" : RagColumn.of(chosen).label()),
                    person -> backend.rate(person, new RateRequest(reference, chosen == null ? null : chosen.name(),
                            reason)),
                    card -> {
                        ragReason.clear();
                        if (history != null && card.rag() != before) {
                            history.add(step(clock.instant(), before, card.rag(), reason.strip()));
                        }
                    });
        }

        void moveStage() {
            var chosen = newStage.getValue();
            act(reference, reference + " moved to " + (chosen == null ? "" : chosen.label()),
                    person -> backend.moveStage(person, new StageRequest(reference, chosen == null ? null : chosen.name())),
                    card -> newStage.clear());
        }

        void saveFlags(java.util.Set<org.mashlive.board.api.Flag> chosen, String reason) {
            act(reference, "Flags on " + reference + " saved",
                    person -> backend.setFlags(person, new org.mashlive.referral.api.FlagsRequest(reference,
                            chosen.stream().map(Enum::name).toList(), reason)),
                    flags::saved);
        }

        void checksDone() {
            String text = summary.getValue();
            act(reference, "Police checks on " + reference + " recorded as done",
                    person -> backend.policeCheckDone(person, new PoliceCheckRequest(reference, text)),
                    card -> summary.clear());
        }

        /** Opens the decision dialog: outcome, rationale, threshold, next step and the referrer's feedback. */
        void decide() {
            if (user == null) {
                notice("Your sign-in has no backend session: sign out and sign in again", true);
                return;
            }
            List<String> thresholds;
            try {
                thresholds = backend.thresholds(user);
            } catch (DutyException e) {
                notice("Could not open the decision: " + e.getMessage(), true);
                return;
            }
            decision = new DecideDialog(reference, thresholds, backend, user, clock, feed.zone(), new DecideDialog.Answer() {
                @Override
                public void decided(ReferralCard card, String text) {
                    notice(text, false);
                    refresh();
                }

                @Override
                public void refused(String text) {
                    notice(text, true);
                }
            });
            decision.open();
        }
    }

    private static Div fact(String label, String value) {
        var name = new Span(label);
        name.addClassName("label");
        var text = new Span(value == null ? "" : value);
        text.addClassName("value");
        var fact = new Div(name, text);
        fact.addClassName("fact");
        return fact;
    }
}
