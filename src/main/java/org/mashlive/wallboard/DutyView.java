package org.mashlive.wallboard;

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
import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.api.ReferralDetail;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import reactor.core.Disposable;

/**
 * The duty lead's view: the queue of open referrals from the shared board, live, with filters; a
 * referral's identifying detail on demand (fetched from the backend as the signed-in person, so the
 * backend audits it, and shown in this UI only); and moving a case to someone else with a reason,
 * against the version of its allocation the lead saw. Pushes at most every {@link #BATCH}.
 */
@Route("duty")
@RolesAllowed({Access.DUTY_LEAD, Access.ADMIN})
@PageTitle("Duty · MASH live board")
@StyleSheet("styles/duty.css")
class DutyView extends Main {

    static final Duration BATCH = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofSeconds(30);
    private static final Duration NOTICE = Duration.ofSeconds(10);
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK)
            .withZone(BoardState.LONDON);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** A choice in the "allocated to" filter. */
    record PersonChoice(long staffId, String name) {
        static final PersonChoice NOBODY = new PersonChoice(DutyQueue.Filter.NOBODY, "Unallocated");
    }

    private final BoardFeed feed;
    private final DutyBackend backend;
    private final Clock clock;
    private final ActingUser user;

    private final Span liveness = new Span();
    private final Span count = new Span();
    final Select<Stage> stage = new Select<>();
    final Select<RagColumn> rag = new Select<>();
    final Select<Source> source = new Select<>();
    final ComboBox<PersonChoice> person = new ComboBox<>("Allocated to");
    final Grid<DutyQueue.Row> grid = new Grid<>();
    private final Aside detail = new Aside();

    private List<DutyQueue.Row> rows = List.of();
    private String selected;
    private Disposable pushes;
    ReallocateDialog dialog;

    @Autowired
    DutyView(BoardFeed feed, DutyBackend backend, Clock clock) {
        this(feed, backend, clock, ActingUser.current().orElse(null));
    }

    DutyView(BoardFeed feed, DutyBackend backend, Clock clock, ActingUser user) {
        this.feed = feed;
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
        var who = new Span(user == null ? "" : "Signed in as " + user.username());
        who.addClassName("duty-user");
        var header = new Header(title, count, liveness, who);
        header.addClassName("duty-header");
        return header;
    }

    private Div filters() {
        stage.setLabel("Stage");
        stage.setItems(Arrays.stream(Stage.values()).filter(Stage::open).toList());
        stage.setItemLabelGenerator(value -> value == null ? "Any stage" : value.label());
        stage.setEmptySelectionAllowed(true);
        stage.setEmptySelectionCaption("Any stage");
        rag.setLabel("RAG");
        rag.setItems(RagColumn.values());
        rag.setItemLabelGenerator(value -> value == null ? "Any RAG" : value.label());
        rag.setEmptySelectionAllowed(true);
        rag.setEmptySelectionCaption("Any RAG");
        source.setLabel("Source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(value -> value == null ? "Any source" : value.label());
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption("Any source");
        person.setItemLabelGenerator(PersonChoice::name);
        person.setClearButtonVisible(true);
        person.setPlaceholder("Anyone");
        stage.addValueChangeListener(e -> refresh());
        rag.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        person.addValueChangeListener(e -> refresh());
        var filters = new Div(stage, rag, source, person);
        filters.addClassName("duty-filters");
        return filters;
    }

    private Div body() {
        grid.setId("duty-queue");
        grid.addColumn(DutyQueue.Row::reference).setHeader("Reference").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> {
            var column = RagColumn.of(row.card().rag());
            var badge = new Span(column.label());
            badge.addClassNames("rag-badge", "rag-" + column.key());
            return badge;
        }).setHeader("RAG").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.card().stage().label()).setHeader("Stage").setAutoWidth(true);
        grid.addColumn(row -> row.card().source().label()).setHeader("Source").setAutoWidth(true);
        grid.addColumn(row -> RECEIVED.format(row.card().receivedAt()) + " · " + BoardText.duration(row.waited()))
                .setHeader("Received · waiting").setAutoWidth(true);
        grid.addColumn(row -> BoardText.timeLeft(row.timeLeft())).setHeader("Time left").setAutoWidth(true);
        grid.addColumn(DutyQueue.Row::allocatedTo).setHeader("Allocated to").setAutoWidth(true);
        grid.addColumn(DutyQueue.Row::policeChecks).setHeader("Police checks").setAutoWidth(true);
        grid.setPartNameGenerator(row -> row.breached() ? "breached" : null);
        grid.addSelectionListener(event -> event.getFirstSelectedItem().ifPresentOrElse(
                row -> {
                    if (!row.reference().equals(selected)) {
                        selected = row.reference();
                        showDetail(row);
                    }
                },
                () -> {
                    if (!rows.isEmpty() && selected != null
                            && rows.stream().noneMatch(row -> row.reference().equals(selected))) {
                        clearDetail();
                    }
                }));
        detail.setId("duty-detail");
        detail.addClassName("duty-detail");
        clearDetail();
        var body = new Div(grid, detail);
        body.addClassName("duty-body");
        return body;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.getElement().setAttribute("theme", "dark");
        refresh();
        stopPushes();
        pushes = PushPacing.refreshing(ui, feed.changes(), BATCH, TICK, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPushes();
        super.onDetach(event);
    }

    private void stopPushes() {
        if (pushes != null) {
            pushes.dispose();
            pushes = null;
        }
    }

    /** The filter the controls say. */
    DutyQueue.Filter filter() {
        var chosen = person.getValue();
        return new DutyQueue.Filter(stage.getValue(), rag.getValue(), source.getValue(),
                chosen == null ? null : chosen.staffId());
    }

    /** Brings the queue up to date with the shared board at the clock's current instant. */
    void refresh() {
        Instant now = clock.instant();
        var live = feed.liveness();
        liveness.setText(BoardText.liveness(live, now));
        liveness.getElement().setAttribute("data-live", String.valueOf(live.live()));
        var filter = filter();
        var shown = feed.read(state -> DutyQueue.rows(state, now, filter)).orElse(List.of());
        var people = feed.read(DutyView::people).orElse(List.of());
        if (!people.equals(person.getListDataView().getItems().toList())) {
            var value = person.getValue();
            person.setItems(people);
            person.setValue(value != null && people.contains(value) ? value : null);
        }
        count.setText(shown.size() + (shown.size() == 1 ? " open referral" : " open referrals"));
        rows = shown;
        grid.setItems(shown);
        if (selected != null) {
            shown.stream().filter(row -> row.reference().equals(selected)).findFirst().ifPresent(grid::select);
        }
    }

    /** The people who hold open cases, and "Unallocated", for the filter. */
    private static List<PersonChoice> people(BoardState state) {
        var byId = new LinkedHashMap<Long, PersonChoice>();
        byId.put(PersonChoice.NOBODY.staffId(), PersonChoice.NOBODY);
        state.allocations().stream()
                .filter(card -> card.workType() == WorkType.REFERRAL)
                .sorted(Comparator.comparing(org.mashlive.board.api.AllocationCard::staffName))
                .forEach(card -> byId.putIfAbsent(card.staffId(), new PersonChoice(card.staffId(), card.staffName())));
        return List.copyOf(byId.values());
    }

    /** The rows shown now, in order. */
    List<DutyQueue.Row> rows() {
        return rows;
    }

    private void clearDetail() {
        selected = null;
        detail.removeAll();
        detail.add(new Paragraph("Select a referral to see who the child is and to move it."));
    }

    /** Fetches and shows {@code row}'s identifying detail: the backend records that this person saw it. */
    void showDetail(DutyQueue.Row row) {
        selected = row.reference();
        detail.removeAll();
        var heading = new H2(row.reference());
        var move = new Button(row.allocation() == null ? "Allocate…" : "Reallocate…", e -> openDialog(row.reference()));
        move.setId("duty-reallocate");
        detail.add(heading, new Paragraph("Allocated to " + row.allocatedTo()), move);
        if (user == null) {
            notice("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            var shown = backend.detail(user, row.reference());
            detail.add(detailOf(shown));
        } catch (DutyException e) {
            notice("Could not show " + row.reference() + ": " + e.getMessage(), true);
        }
    }

    private Div detailOf(ReferralDetail shown) {
        var facts = new Div();
        facts.addClassName("duty-facts");
        facts.add(fact("Child", shown.firstName() + " " + shown.lastName()));
        facts.add(fact("Date of birth", DATE.format(shown.dateOfBirth())));
        facts.add(fact("Concern", shown.concern()));
        facts.add(fact("Consent", shown.consent().replace('_', ' ').toLowerCase(Locale.ROOT)
                + (shown.consentOverrideReason() == null ? "" : " — " + shown.consentOverrideReason())));
        var history = new UnorderedList();
        history.addClassName("duty-rag-history");
        for (var step : shown.ragHistory()) {
            history.add(new ListItem(RECEIVED.format(step.at()) + " · "
                    + (step.from() == null ? "" : RagColumn.of(step.from()).label() + " → ")
                    + RagColumn.of(step.to()).label() + " · " + step.reason()));
        }
        facts.add(fact("RAG history", shown.ragHistory().isEmpty() ? "not rated yet" : ""), history);
        facts.setId("duty-facts");
        return facts;
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

    /** Opens the move dialog for {@code reference} as the queue shows it now. */
    void openDialog(String reference) {
        var row = rows.stream().filter(r -> r.reference().equals(reference)).findFirst();
        if (row.isEmpty()) {
            notice(reference + " is no longer in the queue", true);
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
        dialog = new ReallocateDialog(row.get(), candidates);
        dialog.open();
    }

    /** Shows a notification; errors stay until closed or {@link #NOTICE} has passed. */
    void notice(String text, boolean error) {
        var notification = new Notification(text, (int) NOTICE.toMillis(), Notification.Position.TOP_CENTER);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notification.addClassName("duty-notice");
        notification.open();
    }

    /** Giving or moving one case: the people, a reason, and a confirmation when the backend asks for one. */
    final class ReallocateDialog extends Dialog {

        final DutyQueue.Row row;
        final Integer version;
        final RadioButtonGroup<CandidateCard> to = new RadioButtonGroup<>();
        final TextArea reason = new TextArea("Reason");
        final Button send;
        final Button confirm = new Button("Confirm and allocate");
        final UnorderedList warnings = new UnorderedList();

        ReallocateDialog(DutyQueue.Row row, List<CandidateCard> candidates) {
            this.row = row;
            // the version the lead saw: if someone moves it meanwhile, this move loses and says so
            this.version = row.allocation() == null ? null : row.allocation().version();
            setId("duty-dialog");
            addClassName("duty-dialog");
            setHeaderTitle((row.allocation() == null ? "Allocate " : "Move ") + row.reference()
                    + (row.allocation() == null ? "" : " from " + row.allocation().staffName()));
            to.setLabel("To");
            to.setItems(candidates.stream()
                    .filter(c -> row.allocation() == null || c.staffId() != row.allocation().staffId())
                    .toList());
            to.setItemLabelGenerator(this::describe);
            to.addClassName("duty-candidates");
            reason.setId("duty-reason");
            reason.setMaxLength(1000);
            reason.setWidthFull();
            reason.setRequired(row.allocation() != null);
            warnings.setId("duty-warnings");
            warnings.setVisible(false);
            send = new Button(row.allocation() == null ? "Allocate" : "Move", e -> submit(false));
            send.setId("duty-send");
            confirm.setId("duty-confirm");
            confirm.addClickListener(e -> submit(true));
            confirm.setVisible(false);
            var cancel = new Button("Cancel", e -> close());
            add(to, reason, warnings);
            getFooter().add(cancel, confirm, send);
        }

        private String describe(CandidateCard c) {
            String presence = c.onShift() ? (c.onBreak() ? "on a break" : "on shift")
                    : c.nextShiftStart() == null ? "off, no shift planned"
                    : "off until " + BoardText.when(c.nextShiftStart(), clock.instant());
            return c.name() + " · " + c.role().replace('_', ' ').toLowerCase(Locale.ROOT) + " · " + presence + " · "
                    + c.openCases() + "/" + c.caseloadLimit() + " open cases";
        }

        /** Sends the move; {@code confirmed} accepts the warnings shown. */
        void submit(boolean confirmed) {
            var chosen = to.getValue();
            if (chosen == null) {
                notice("Choose who should have " + row.reference(), true);
                return;
            }
            String why = reason.getValue() == null ? "" : reason.getValue().strip();
            if (version != null && why.isEmpty()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why the case is moved");
                notice("Give a reason for moving " + row.reference(), true);
                return;
            }
            try {
                var now = backend.allocate(user, new AllocateRequest(row.reference(), WorkType.REFERRAL,
                        chosen.staffId(), version, why.isEmpty() ? null : why, confirmed));
                close();
                notice(row.reference() + " allocated to " + now.staffName(), false);
                refresh();
            } catch (DutyException e) {
                switch (e.kind()) {
                    case CONFIRMATION_REQUIRED -> {
                        warnings.removeAll();
                        e.warnings().forEach(w -> warnings.add(new ListItem(w)));
                        warnings.setVisible(true);
                        confirm.setVisible(true);
                        notice("Needs confirming: " + String.join("; ", e.warnings()), true);
                    }
                    case CONFLICT -> {
                        close();
                        notice(e.getMessage(), true);
                        refresh();
                    }
                    default -> notice(e.getMessage(), true);
                }
            }
        }
    }
}
