package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;

import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Rag;
import org.mashlive.partner.api.AnswerRequest;
import org.mashlive.partner.api.ChaseRequest;
import org.mashlive.partner.api.ChaseWay;
import org.mashlive.partner.api.NewPartnerRequest;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A referral's information requests to partners on the duty view: each with the agency, when it was
 * asked and by whom, its owner, when it is due and whether it is overdue, its chases, and the answer
 * (identifying: shown here, to the signed-in lead, never on the board); the form to ask a partner;
 * and on each waiting request, chase and record the answer (or "no information held"). Every action
 * goes to the backend as the person; its answer or refusal is the one notification shown.
 */
final class PartnerPanel extends Section {

    private final String reference;
    private final DutyBackend backend;
    private final ActingUser user;
    private final Clock clock;
    private final ZoneId zone;
    private final BiConsumer<String, Boolean> notice;

    final UnorderedList list = new UnorderedList();
    final Select<Agency> agency = new Select<>();
    final Select<HealthService> service = new Select<>();
    final Select<Rag> rag = new Select<>();
    final TextArea asked = new TextArea("What is asked");
    final Button request = new Button("Request information");
    private List<PartnerRequestDetail> shown = List.of();

    PartnerPanel(String reference, DutyBackend backend, ActingUser user, Clock clock, ZoneId zone,
                 BiConsumer<String, Boolean> notice) {
        this.reference = reference;
        this.backend = backend;
        this.user = user;
        this.clock = clock;
        this.zone = zone;
        this.notice = notice;
        setId("duty-partners");
        addClassName("duty-action");
        list.setId("duty-partner-list");
        list.addClassName("duty-partner-list");
        agency.setId("duty-partner-agency");
        agency.setLabel("Partner");
        agency.setItems(Agency.values());
        agency.setItemLabelGenerator(Agency::label);
        service.setId("duty-partner-service");
        service.setLabel("Part of health");
        service.setItems(HealthService.values());
        service.setItemLabelGenerator(HealthService::label);
        service.setVisible(false);
        agency.addValueChangeListener(e -> service.setVisible(e.getValue() == Agency.HEALTH));
        rag.setId("duty-partner-rag");
        rag.setLabel("Urgency");
        rag.setItems(Rag.values());
        rag.setItemLabelGenerator(value -> RagColumn.of(value).label());
        rag.setEmptySelectionAllowed(true);
        rag.setEmptySelectionCaption("As the referral");
        asked.setId("duty-partner-asked");
        asked.setMaxLength(2000);
        asked.setWidthFull();
        request.setId("duty-partner-request");
        request.addClickListener(e -> ask());
        var fields = new Div(agency, service, rag, request);
        fields.addClassName("duty-action-fields");
        add(new H3("Partners"), list, fields, asked);
    }

    /** Fetches the referral's requests from the backend as the person and shows them. */
    void load() {
        if (user == null) {
            return;
        }
        try {
            show(backend.partnerRequests(user, reference));
        } catch (DutyException e) {
            notice.accept("Could not list the partner requests of " + reference + ": " + e.getMessage(), true);
        }
    }

    /** The requests shown, the oldest first. */
    List<PartnerRequestDetail> shown() {
        return shown;
    }

    void show(List<PartnerRequestDetail> requests) {
        shown = List.copyOf(requests);
        list.removeAll();
        if (requests.isEmpty()) {
            list.add(new ListItem("No partner asked yet"));
            return;
        }
        Instant now = clock.instant();
        for (var each : requests) {
            list.add(item(each, now));
        }
    }

    private ListItem item(PartnerRequestDetail request, Instant now) {
        var item = new ListItem();
        item.setId("duty-partner-" + request.id());
        item.addClassName("duty-partner");
        var head = new Div(new Span(request.partnerLabel()), new Span(" · " + RagColumn.of(request.rag()).label()),
                new Span(" · asked " + BoardText.when(request.requestedAt(), now, zone) + " by " + request.requestedBy()),
                new Span(" · owner " + request.owner()));
        head.addClassName("duty-partner-head");
        var state = new Span(status(request, now));
        state.addClassName("duty-partner-state");
        state.setId("duty-partner-state-" + request.id());
        if (request.open() && now.isAfter(request.dueAt())) {
            state.addClassName("overdue");
        }
        item.add(head, state);
        if (request.asked() != null) {
            item.add(new Paragraph("Asked: " + request.asked()));
        }
        for (var chase : request.chases()) {
            item.add(new Paragraph("Chased " + BoardText.when(chase.at(), now, zone) + " by " + chase.by() + " · "
                    + chase.how().name().toLowerCase().replace('_', ' ') + (chase.note() == null ? "" : " · " + chase.note())));
        }
        if (!request.open()) {
            item.add(new Paragraph(request.noInformationHeld() ? "No information held"
                    : "Answer: " + request.summary()));
            return item;
        }
        if (request.policeCheck()) {
            // done by the officer, under the referral's police checks: not chased or answered as a partner
            item.add(new Paragraph("Recorded done under Police checks"));
            return item;
        }
        var how = new Select<ChaseWay>();
        how.setId("duty-partner-how-" + request.id());
        how.setLabel("Chased by");
        how.setItems(ChaseWay.values());
        how.setItemLabelGenerator(way -> way.name().charAt(0) + way.name().substring(1).toLowerCase().replace('_', ' '));
        how.setValue(ChaseWay.PHONE);
        var chase = new Button("Chase", e -> act("Chased " + request.partnerLabel(),
                person -> backend.chasePartner(person, new ChaseRequest(request.id(),
                        how.getValue() == null ? null : how.getValue().name(), null))));
        chase.setId("duty-partner-chase-" + request.id());
        var summary = new TextArea("Their answer");
        summary.setId("duty-partner-summary-" + request.id());
        summary.setMaxLength(4000);
        summary.setWidthFull();
        var none = new Checkbox("No information held");
        none.setId("duty-partner-none-" + request.id());
        var answer = new Button("Record answer", e -> act("Answer from " + request.partnerLabel() + " recorded",
                person -> backend.recordPartnerAnswer(person, new AnswerRequest(request.id(), summary.getValue(),
                        Boolean.TRUE.equals(none.getValue())))));
        answer.setId("duty-partner-answer-" + request.id());
        var fields = new Div(how, chase, none, answer);
        fields.addClassName("duty-action-fields");
        item.add(fields, summary);
        return item;
    }

    /** "due 14:30 · 2 h 5 m left", "overdue by 3 h", "answered Mon 10:12". */
    static String status(PartnerRequestDetail request, Instant now) {
        if (!request.open()) {
            return (request.noInformationHeld() ? "no information held" : "answered") + " after "
                    + BoardText.duration(Duration.between(request.requestedAt(), request.answeredAt()));
        }
        var left = Duration.between(now, request.dueAt());
        return left.isNegative() ? "overdue by " + BoardText.duration(left.negated())
                : "waiting · due in " + BoardText.duration(left);
    }

    private void ask() {
        var chosen = agency.getValue();
        act("Information requested from " + (chosen == null ? "a partner" : chosen.label()), person ->
                backend.requestFromPartner(person, new NewPartnerRequest(reference,
                        chosen == null ? null : chosen.name(),
                        chosen == Agency.HEALTH && service.getValue() != null ? service.getValue().name() : null,
                        rag.getValue() == null ? null : rag.getValue().name(), asked.getValue(), null)));
    }

    private void act(String done, java.util.function.Function<ActingUser, PartnerRequestDetail> action) {
        if (user == null) {
            notice.accept("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            action.apply(user);
            notice.accept(done + " for " + reference, false);
            asked.clear();
            load();
        } catch (DutyException e) {
            // the backend's words: they name the field and what it must be
            notice.accept(reference + ": " + e.getMessage(), true);
        }
    }
}
