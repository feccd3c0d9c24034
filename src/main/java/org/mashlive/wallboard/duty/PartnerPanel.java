package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.PartnerRequestCard;

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

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
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
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.Command;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A referral's information requests to partners on the duty view: each with the agency, when it was
 * asked and by whom, its owner, when it is due and whether it is overdue, its chases, and the answer
 * (identifying: shown here, to the signed-in lead, never on the board); the form to ask a partner;
 * and on each waiting request, chase and record the answer (or "no information held"). Every action
 * goes to the backend as the person; its answer or refusal is the one notification shown. The list
 * follows the board: when another lead asks, chases or records an answer, it is read again.
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
    /** The answers being written on the requests shown, by request id: kept when the list is read again. */
    private final Map<Long, TextArea> drafts = new HashMap<>();
    private final Map<Long, Checkbox> nothingHeld = new HashMap<>();
    /** The lines shown, by request id. */
    private final Map<Long, Row> rows = new HashMap<>();
    /** The referral's waiting requests as the board showed them when the list was last read. */
    private List<String> seenOnBoard;

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

    /**
     * The referral's waiting requests as {@code state} has them, each with its chases: it changes when
     * anyone asks, chases or records an answer (an answered request leaves the board).
     */
    static List<String> onBoard(BoardState state, String reference) {
        return state.partnerRequests().stream().filter(request -> request.reference().equals(reference))
                .sorted(Comparator.comparingLong(PartnerRequestCard::id))
                .map(request -> request.id() + ":" + request.chases() + ":" + request.lastChasedAt())
                .toList();
    }

    /**
     * Reads the list again when the board shows this referral's requests changed since it was last
     * read, whoever changed them. Called on a push, on a reactive timer's thread where the backend's
     * blocking call is refused: the list is read on a thread that may wait and shown when it comes;
     * what a lead is writing in an answer box stays.
     */
    void follow(List<String> nowOnBoard, UI ui) {
        if (nowOnBoard.equals(seenOnBoard) || user == null) {
            return;
        }
        seenOnBoard = nowOnBoard;
        Mono.fromCallable(() -> backend.partnerRequests(user, reference))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(read -> inUi(ui, () -> show(read)),
                        error -> inUi(ui, () -> notice.accept("Could not list the partner requests of " + reference
                                + ": " + (error instanceof DutyException ? error.getMessage()
                                : "the backend did not answer"), true)));
    }

    /** Remembers the board's requests of the referral as they are when the list is read. */
    void seen(List<String> nowOnBoard) {
        seenOnBoard = nowOnBoard;
    }

    private static void inUi(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the page has gone: nothing to show it on
        }
    }

    /** The requests shown, the oldest first. */
    List<PartnerRequestDetail> shown() {
        return shown;
    }

    void show(List<PartnerRequestDetail> requests) {
        var before = shown.stream().map(PartnerRequestDetail::id).toList();
        shown = List.copyOf(requests);
        Instant now = clock.instant();
        if (!requests.isEmpty() && before.equals(requests.stream().map(PartnerRequestDetail::id).toList())) {
            // the same requests: each is brought up to date where it stands, so a lead typing an answer
            // keeps the box, its words and the caret while another lead's chase or answer comes in
            for (var each : requests) {
                var row = rows.get(each.id());
                row.facts().removeAll();
                facts(row.facts(), each, now);
                if (!each.open() && row.fields().getParent().isPresent()) {
                    row.item().remove(row.fields());
                    drafts.remove(each.id());
                    nothingHeld.remove(each.id());
                }
            }
            return;
        }
        var written = new HashMap<Long, String>();
        drafts.forEach((id, area) -> written.put(id, area.getValue()));
        var ticked = new HashMap<Long, Boolean>();
        nothingHeld.forEach((id, box) -> ticked.put(id, box.getValue()));
        drafts.clear();
        nothingHeld.clear();
        rows.clear();
        list.removeAll();
        if (requests.isEmpty()) {
            list.add(new ListItem("No partner asked yet"));
            return;
        }
        for (var each : requests) {
            list.add(item(each, now));
        }
        drafts.forEach((id, area) -> area.setValue(written.getOrDefault(id, "")));
        nothingHeld.forEach((id, box) -> box.setValue(ticked.getOrDefault(id, false)));
    }

    /** A request's line in the list: what is known of it, and while it waits, the lead's actions. */
    private record Row(ListItem item, Div facts, Div fields) {
    }

    private ListItem item(PartnerRequestDetail request, Instant now) {
        var item = new ListItem();
        item.setId("duty-partner-" + request.id());
        item.addClassName("duty-partner");
        var facts = new Div();
        facts(facts, request, now);
        item.add(facts);
        var actions = new Div();
        rows.put(request.id(), new Row(item, facts, actions));
        if (!request.open()) {
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
        // the words reach this side as they are typed, so a re-read of the list can keep them
        summary.setValueChangeMode(ValueChangeMode.EAGER);
        var none = new Checkbox("No information held");
        none.setId("duty-partner-none-" + request.id());
        drafts.put(request.id(), summary);
        nothingHeld.put(request.id(), none);
        var answer = new Button("Record answer", e -> act("Answer from " + request.partnerLabel() + " recorded",
                person -> backend.recordPartnerAnswer(person, new AnswerRequest(request.id(), summary.getValue(),
                        Boolean.TRUE.equals(none.getValue())))));
        answer.setId("duty-partner-answer-" + request.id());
        var fields = new Div(how, chase, none, answer);
        fields.addClassName("duty-action-fields");
        actions.add(fields, summary);
        item.add(actions);
        return item;
    }

    /** What is known of a request: partner, asked when and by whom, owner, where it stands, chases, answer. */
    private void facts(Div into, PartnerRequestDetail request, Instant now) {
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
        into.add(head, state);
        if (request.asked() != null) {
            into.add(new Paragraph("Asked: " + request.asked()));
        }
        for (var chase : request.chases()) {
            into.add(new Paragraph("Chased " + BoardText.when(chase.at(), now, zone) + " by " + chase.by() + " · "
                    + chase.how().name().toLowerCase().replace('_', ' ') + (chase.note() == null ? "" : " · " + chase.note())));
        }
        if (!request.open()) {
            into.add(new Paragraph(request.noInformationHeld() ? "No information held"
                    : "Answer: " + request.summary()));
        }
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
