package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.WorkType;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DutyException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Giving or moving one case: the people, grouped by role with those fit for the work and on shift
 * first, each with their load; a search box; a reason; and a confirmation when the backend asks for
 * one. The move names the version of the allocation the lead saw, so a move someone else made in the
 * meantime wins and this one is told who has the case now.
 */
final class ReallocateDialog extends Dialog {

    /** Who does police checks. */
    static final Set<String> POLICE = Set.of(StaffRole.MASH_POLICE_OFFICER.name());
    /** Who works referrals. */
    static final Set<String> CASEWORKERS = Set.of(StaffRole.SOCIAL_WORKER.name(), StaffRole.SENIOR_PRACTITIONER.name());

    /** How a move ended, for the view to refresh and tell the lead. */
    interface Outcome {
        void moved(AllocationCard now);

        void lost(String message);

        void notice(String text, boolean error);
    }

    final DutyQueue.Row row;
    final WorkType work;
    final Integer version;
    final TextField search = new TextField();
    final ListBox<CandidateCard> to = new ListBox<>();
    final TextArea reason = new TextArea("Reason");
    final Button send;
    final Button confirm = new Button("Confirm and allocate");
    final UnorderedList warnings = new UnorderedList();
    private final List<CandidateCard> people;
    private final Clock clock;
    private final ZoneId zone;
    private final DutyBackend backend;
    private final ActingUser user;
    private final Outcome outcome;

    ReallocateDialog(DutyQueue.Row row, WorkType work, List<CandidateCard> candidates, Clock clock, ZoneId zone,
                     DutyBackend backend, ActingUser user, Outcome outcome) {
        this.row = row;
        this.work = work;
        this.clock = clock;
        this.zone = zone;
        this.backend = backend;
        this.user = user;
        this.outcome = outcome;
        AllocationCard current = work == WorkType.POLICE_CHECK ? row.checks() : row.allocation();
        // the version the lead saw: if someone moves it meanwhile, this move loses and says so
        this.version = current == null ? null : current.version();
        String what = work == WorkType.POLICE_CHECK ? "the police checks on " + row.reference() : row.reference();
        setId("duty-dialog");
        addClassName("duty-dialog");
        setHeaderTitle((current == null ? "Allocate " : "Move ") + what
                + (current == null ? "" : " from " + current.staffName()));
        this.people = candidates.stream()
                .filter(c -> current == null || c.staffId() != current.staffId())
                .sorted(order(work))
                .toList();

        search.setId("duty-person-search");
        search.setPlaceholder("Find a person by name or role");
        search.setAriaLabel("Find a person");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.setWidthFull();
        search.addValueChangeListener(e -> show(e.getValue()));
        to.setId("duty-people");
        to.addClassName("duty-candidates");
        to.setAriaLabel("To");
        to.setRenderer(new ComponentRenderer<>(this::describe));
        reason.setId("duty-reason");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        reason.setRequired(current != null);
        warnings.setId("duty-warnings");
        warnings.setVisible(false);
        send = new Button(current == null ? "Allocate" : "Move", e -> submit(false));
        send.setId("duty-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("duty-confirm");
        confirm.addClickListener(e -> submit(true));
        confirm.setVisible(false);
        var cancel = new Button("Cancel", e -> close());
        add(search, to, reason, warnings);
        getFooter().add(cancel, confirm, send);
        show("");
    }

    /** Fit for the work first, then on shift, then by role, then with the lightest load, then by name. */
    static Comparator<CandidateCard> order(WorkType work) {
        Set<String> fit = work == WorkType.POLICE_CHECK ? POLICE : CASEWORKERS;
        return Comparator.comparing((CandidateCard c) -> !fit.contains(c.role()))
                .thenComparing(c -> !(c.onShift() && !c.onBreak()))
                .thenComparing(c -> roleLabel(c.role()))
                .thenComparingInt(CandidateCard::openCases)
                .thenComparing(c -> surname(c.name()));
    }

    /** The people whose name or role contains {@code text}, under a heading for each group. */
    void show(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        var shown = people.stream()
                .filter(c -> wanted.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || roleLabel(c.role()).toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
        var chosen = to.getValue();
        to.removeAll();
        to.setItems(shown);
        if (chosen != null && shown.contains(chosen)) {
            to.setValue(chosen);
        }
        String last = null;
        for (var c : shown) {
            String group = group(c);
            if (!group.equals(last)) {
                var heading = new H3(group);
                heading.addClassName("duty-group");
                to.prependComponents(c, heading);
                last = group;
            }
        }
        if (shown.isEmpty()) {
            var none = new Span(people.isEmpty() ? "No one else works here now" : "No one matches “" + text.strip() + "”");
            none.addClassName("duty-group");
            to.add(none);
        }
    }

    /** The heading a person is listed under: their role, and whether on shift. */
    private String group(CandidateCard c) {
        return plural(c.role()) + (c.onShift() && !c.onBreak() ? " · on shift" : " · not available now");
    }

    private Div describe(CandidateCard c) {
        var name = new Span(c.name());
        name.addClassName("duty-person-name");
        String presence = c.onShift() ? (c.onBreak() ? "on a break" : "on shift")
                : c.nextShiftStart() == null ? "off, no shift planned"
                : "off until " + BoardText.when(c.nextShiftStart(), clock.instant(), zone);
        var where = new Span(roleLabel(c.role()) + " · " + presence);
        where.addClassName("duty-person-where");
        var load = new Span(c.openCases() + "/" + c.caseloadLimit() + " cases");
        load.addClassName("duty-person-load");
        if (c.openCases() >= c.caseloadLimit()) {
            load.addClassName("full");
        }
        var item = new Div(name, where, load);
        item.addClassName("duty-person");
        return item;
    }

    static String roleLabel(String role) {
        try {
            return StaffRole.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role.replace('_', ' ').toLowerCase(Locale.ROOT);
        }
    }

    private static String plural(String role) {
        String label = roleLabel(role);
        return label.endsWith("s") ? label : label + "s";
    }

    private static String surname(String name) {
        int dot = name.lastIndexOf(". ");
        return dot < 0 ? name : name.substring(dot + 2);
    }

    /** Sends the move; {@code confirmed} accepts the warnings shown. */
    void submit(boolean confirmed) {
        var chosen = to.getValue();
        if (chosen == null) {
            outcome.notice("Choose who should have " + row.reference(), true);
            return;
        }
        String why = reason.getValue() == null ? "" : reason.getValue().strip();
        if (version != null && why.isEmpty()) {
            reason.setInvalid(true);
            reason.setErrorMessage("Say why the case is moved");
            outcome.notice("Give a reason for moving " + row.reference(), true);
            return;
        }
        try {
            var now = backend.allocate(user, new AllocateRequest(row.reference(), work, chosen.staffId(), version,
                    why.isEmpty() ? null : why, confirmed));
            close();
            outcome.moved(now);
        } catch (DutyException e) {
            switch (e.kind()) {
                case CONFIRMATION_REQUIRED -> {
                    warnings.removeAll();
                    e.warnings().forEach(w -> warnings.add(new ListItem(w)));
                    warnings.setVisible(true);
                    confirm.setVisible(true);
                    outcome.notice("Needs confirming: " + String.join("; ", e.warnings()), true);
                }
                case CONFLICT -> {
                    close();
                    outcome.lost(e.getMessage());
                }
                default -> outcome.notice(e.getMessage(), true);
            }
        }
    }
}
