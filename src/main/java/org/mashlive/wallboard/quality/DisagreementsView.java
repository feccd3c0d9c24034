package org.mashlive.wallboard.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.Agency;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.QualityBackend;
import org.mashlive.wallboard.duty.Notices;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * Professional disagreements with partner agencies: record one about a referral (by the signed-in
 * person, at the practitioner stage), move it on to a manager and a head of service, record how it was
 * resolved; the open ones with their age in working days, and those resolved in the last 30 days.
 *
 * <p>The lists show references, agencies, stages, ages and staff names. What a disagreement is about,
 * its notes and its resolution may name a child or a family: a duty lead (or an admin) asks for them
 * one disagreement at a time, and the backend records that they viewed them; hub managers record and
 * move disagreements without reading them here.
 */
@Route("disagreements")
@RolesAllowed({Access.HUB_MANAGER, Access.DUTY_LEAD, Access.ADMIN})
@PageTitle("Disagreements · MASH live board")
@StyleSheet("styles/duty.css")
@StyleSheet("styles/quality.css")
class DisagreementsView extends Main {

    /** The stages, in order, as the protocol names them. */
    static final List<String> STAGES = List.of("PRACTITIONER", "MANAGER", "HEAD_OF_SERVICE");

    private final QualityBackend backend;
    private final BoardFeed feed;
    private final Clock clock;
    private final ActingUser user;
    private final boolean readsDetail;
    private final Notices notices = new Notices();

    final TextField reference = new TextField("Referral");
    final Select<Agency> agency = new Select<>();
    final Select<String> side = new Select<>();
    final TextArea concern = new TextArea("What the disagreement is about");
    final Button raise = new Button("Record disagreement");
    final Paragraph openSummary = new Paragraph();
    final Div open = new Div();
    final Paragraph resolvedSummary = new Paragraph();
    final Div resolved = new Div();

    @Autowired
    DisagreementsView(QualityBackend backend, BoardFeed feed, Clock clock) {
        this(backend, feed, clock, ActingUser.current().orElse(null));
    }

    DisagreementsView(QualityBackend backend, BoardFeed feed, Clock clock, ActingUser user) {
        this.backend = backend;
        this.feed = feed;
        this.clock = clock;
        this.user = user;
        this.readsDetail = user != null && user.roles().stream().anyMatch(Access.DUTY_LEADS::contains);
        setId("disagreements");
        addClassNames("duty", "quality", "disagreements");
        add(new H1("Professional disagreements with partners"), form(), lists());
        load();
    }

    private Section form() {
        reference.setId("esc-reference");
        reference.setPlaceholder("MASH-2026-000123");
        reference.setMaxLength(40);
        agency.setId("esc-agency");
        agency.setLabel("Partner agency");
        agency.setItems(Agency.values());
        agency.setItemLabelGenerator(Agency::label);
        side.setId("esc-side");
        side.setLabel("Who disagrees");
        side.setItems("HUB", "AGENCY");
        side.setItemLabelGenerator(value -> "HUB".equals(value) ? "The hub, with the agency's view"
                : "The agency, with the hub's decision");
        side.setValue("HUB");
        concern.setId("esc-concern");
        concern.setMaxLength(4000);
        concern.setHelperText("Say what is disagreed; it is shown to duty leads only, and their reading is recorded");
        raise.setId("esc-raise");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        raise.addClickListener(e -> raise());
        var fields = new Div(reference, agency, side);
        fields.addClassName("duty-action-fields");
        var by = new Paragraph("Recorded as " + (user == null ? "you" : user.username())
                + ", at the practitioner stage; move it on below when it goes to a manager or a head of service.");
        by.addClassName("esc-hint");
        var send = new Div(raise);
        send.addClassName("esc-send");
        var about = new Div(concern);
        about.addClassName("esc-concern");
        var section = new Section(new H2("Record a disagreement"), fields, about, send, by);
        section.setId("esc-form");
        section.addClassNames("duty-action", "esc-form");
        return section;
    }

    private Div lists() {
        openSummary.setId("esc-open-summary");
        open.setId("esc-open");
        open.addClassNames("sign-off-queue", "qa-list");
        resolvedSummary.setId("esc-resolved-summary");
        resolved.setId("esc-resolved");
        resolved.addClassNames("sign-off-queue", "qa-list");
        var again = new Button("Read again", e -> load());
        again.setId("esc-refresh");
        var openPart = new Section(new H2("Open"), openSummary, again, open);
        openPart.addClassName("esc-part");
        var resolvedPart = new Section(new H2("Resolved in the last 30 days"), resolvedSummary, resolved);
        resolvedPart.addClassName("esc-part");
        var lists = new Div(openPart, resolvedPart);
        lists.addClassName("esc-lists");
        return lists;
    }

    /** Reads both lists from the backend as the person. */
    void load() {
        if (user == null) {
            openSummary.setText("Your sign-in has no backend session: sign out and sign in again");
            return;
        }
        Instant now = clock.instant();
        try {
            var found = backend.openEscalations(user);
            long overdue = found.stream().filter(Escalation::overdue).count();
            openSummary.setText(found.isEmpty() ? "None open" : found.size() + " open"
                    + (overdue == 0 ? "" : ", " + overdue + " overdue (open longer than the hub allows)"));
            open.removeAll();
            found.forEach(each -> open.add(openItem(each, now)));
        } catch (DutyException e) {
            openSummary.setText("Could not read the open disagreements: " + e.getMessage());
        }
        try {
            var found = backend.resolvedEscalations(user);
            resolvedSummary.setText(found.isEmpty() ? "None resolved in the last 30 days" : found.size() + " resolved");
            resolved.removeAll();
            found.forEach(each -> resolved.add(resolvedItem(each, now)));
        } catch (DutyException e) {
            resolvedSummary.setText("Could not read the resolved disagreements: " + e.getMessage());
        }
    }

    private Section openItem(Escalation escalation, Instant now) {
        var section = item(escalation, now);
        section.add(Facts.line("Open for", days(escalation.workingDaysOpen())
                + (escalation.overdue() ? " · overdue: open longer than the hub allows" : "")));
        if (escalation.overdue()) {
            section.addClassName("overdue");
        }
        long id = escalation.id();
        var later = STAGES.subList(STAGES.indexOf(escalation.stage()) + 1, STAGES.size());
        var fields = new Div();
        fields.addClassName("duty-action-fields");
        if (!later.isEmpty()) {
            var stage = new Select<String>();
            stage.setId("esc-" + id + "-stage");
            stage.setLabel("Move on to");
            stage.setItems(later);
            stage.setItemLabelGenerator(DisagreementsView::stage);
            stage.setValue(later.getFirst());
            var note = new TextField("Why (optional)");
            note.setId("esc-" + id + "-note");
            note.setMaxLength(4000);
            var escalate = new Button("Escalate", e -> act(escalation.reference() + " moved on to the "
                            + stage(stage.getValue()).toLowerCase(Locale.ROOT) + " stage",
                    () -> backend.escalate(user, new EscalationStep(id, stage.getValue(), note.getValue()))));
            escalate.setId("esc-" + id + "-escalate");
            fields.add(stage, note, escalate);
        }
        var resolution = new TextField("How it was resolved");
        resolution.setId("esc-" + id + "-resolution");
        resolution.setMaxLength(4000);
        var resolve = new Button("Resolve", e -> act("Disagreement on " + escalation.reference() + " resolved",
                () -> backend.resolveEscalation(user, new ResolveEscalation(id, resolution.getValue()))));
        resolve.setId("esc-" + id + "-resolve");
        fields.add(resolution, resolve);
        section.add(fields);
        return section;
    }

    private Section resolvedItem(Escalation escalation, Instant now) {
        var section = item(escalation, now);
        section.add(Facts.line("Resolved", BoardText.when(escalation.resolvedAt(), now, feed.zone()) + " by "
                + escalation.resolvedByName() + ", after " + days(escalation.workingDaysOpen())));
        return section;
    }

    /** What every disagreement shows: no concern, note or resolution text until a duty lead asks. */
    private Section item(Escalation escalation, Instant now) {
        long id = escalation.id();
        var section = new Section();
        section.setId("esc-" + id);
        section.addClassNames("duty-action", "esc-item");
        section.add(new H3(escalation.reference() + " · " + agency(escalation.agency()) + " · "
                + stage(escalation.stage()) + " stage"));
        section.add(Facts.line("Raised", ("HUB".equals(escalation.raisedBy()) ? "by the hub" : "by the agency")
                + ", recorded " + BoardText.when(escalation.openedAt(), now, feed.zone()) + " by "
                + escalation.openedByName()));
        var stages = escalation.stages().stream().skip(1)
                .map(step -> stage(step.stage()) + " " + BoardText.when(step.at(), now, feed.zone()) + " by " + step.byName())
                .toList();
        if (!stages.isEmpty()) {
            section.add(Facts.line("Escalated", String.join(" · ", stages)));
        }
        if (readsDetail) {
            var detail = new Div();
            detail.setId("esc-" + id + "-detail");
            var show = new Button("Show what it is about", e -> showDetail(id, detail));
            show.setId("esc-" + id + "-show");
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            detail.add(show);
            section.add(detail);
        }
        return section;
    }

    /** The text of one disagreement, read from the backend, which records that this person viewed it. */
    private void showDetail(long id, Div into) {
        try {
            var shown = backend.escalation(user, id);
            into.removeAll();
            into.add(Facts.line("About", shown.concern()));
            for (var step : shown.stages()) {
                if (step.note() != null) {
                    into.add(Facts.line(stage(step.stage()) + " note", step.note()));
                }
            }
            if (shown.resolution() != null) {
                into.add(Facts.line("Resolution", shown.resolution()));
            }
        } catch (DutyException e) {
            notify("Could not show the disagreement: " + e.getMessage(), true);
        }
    }

    private void raise() {
        if (signedOut()) {
            return;
        }
        String ref = reference.getValue().strip();
        if (ref.isEmpty()) {
            notify("Give the reference of the referral the disagreement is about, such as MASH-2026-000123", true);
            return;
        }
        if (agency.getValue() == null) {
            notify("Choose the partner agency the hub disagrees with", true);
            return;
        }
        if (concern.getValue().isBlank()) {
            notify("Say what the disagreement is about", true);
            return;
        }
        act("Disagreement with " + agency.getValue().label() + " on " + ref + " recorded at the practitioner stage",
                () -> {
                    var raised = backend.raiseEscalation(user, new RaiseEscalation(ref, agency.getValue().name(),
                            side.getValue(), concern.getValue()));
                    reference.clear();
                    concern.clear();
                    agency.clear();
                    return raised;
                });
    }

    private void act(String done, java.util.function.Supplier<Escalation> action) {
        if (signedOut()) {
            return;
        }
        try {
            action.get();
            notify(done, false);
        } catch (DutyException e) {
            // the backend's words name the field and what it must be, or why the step is refused
            notify(words(e.getMessage()), true);
        }
        load();
    }

    /** The backend's refusal in the screen's words: its field names are the form's labels here. */
    static String words(String message) {
        if (message == null) {
            return "The backend refused it";
        }
        return message.replaceFirst("^reference: ", "Referral: ")
                .replaceFirst("^concern: ", "What the disagreement is about: ")
                .replaceFirst("^resolution: ", "How it was resolved: ")
                .replaceFirst("^note: ", "Why: ");
    }

    static String stage(String name) {
        return switch (name) {
            case "PRACTITIONER" -> "Practitioner";
            case "MANAGER" -> "Manager";
            case "HEAD_OF_SERVICE" -> "Head of service";
            default -> QaText.words(name);
        };
    }

    static String agency(String name) {
        return Arrays.stream(Agency.values()).filter(a -> a.name().equals(name)).findFirst().map(Agency::label)
                .orElse(QaText.words(name));
    }

    static String days(double workingDays) {
        return (workingDays == Math.rint(workingDays) ? Long.toString((long) workingDays)
                : String.format(Locale.ROOT, "%.1f", workingDays)) + " working " + (workingDays == 1 ? "day" : "days");
    }

    private boolean signedOut() {
        if (user == null) {
            notify("Your sign-in has no backend session: sign out and sign in again", true);
            return true;
        }
        return false;
    }

    private void notify(String text, boolean error) {
        notices.show(text, error);
    }
}
