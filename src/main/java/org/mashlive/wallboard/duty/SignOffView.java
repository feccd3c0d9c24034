package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.SignOffRequest;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.BoardText;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.PushPacing;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The sign-off queue: every decision that waits for a lead's management oversight, the longest
 * waiting first, with how long it has waited, when its statutory decision is due, who made it and why.
 * A lead authorises one (which closes the referral) or returns it with a reason (which reopens it);
 * their own decisions are shown but left to another lead, as the backend's rule says. It reads the
 * queue from the backend as the person whenever the board shows a decision arrive or leave it.
 */
@Route("sign-off")
@RolesAllowed({Access.DUTY_LEAD, Access.ADMIN})
@PageTitle("Sign-off · MASH live board")
@StyleSheet("styles/duty.css")
class SignOffView extends Main {

    private final BoardFeed feed;
    private final DutyBackend backend;
    private final Clock clock;
    private final ActingUser user;
    final Notices notices = new Notices();
    final Div queue = new Div();
    final Span count = new Span();
    /** The waiting decisions as the board last showed them, by reference: read again when this changes. */
    private Map<String, Instant> seen;
    private List<AwaitingSignOff> shown = List.of();
    private Disposable pushes;

    @Autowired
    SignOffView(BoardFeed feed, DutyBackend backend, Clock clock) {
        this(feed, backend, clock, ActingUser.current().orElse(null));
    }

    SignOffView(BoardFeed feed, DutyBackend backend, Clock clock, ActingUser user) {
        this.feed = feed;
        this.backend = backend;
        this.clock = clock;
        this.user = user;
        setId("sign-off");
        addClassName("duty");
        count.setId("sign-off-count");
        queue.setId("sign-off-queue");
        queue.addClassName("sign-off-queue");
        add(new H1("Decisions awaiting sign-off"), count, queue);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getElement().setAttribute("theme", "dark");
        refresh();
        stop();
        pushes = PushPacing.refreshing(event.getUI(), feed.changes(), DutyView.BATCH, DutyView.TICK,
                this::refreshFromPush);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stop();
        super.onDetach(event);
    }

    private void stop() {
        if (pushes != null) {
            pushes.dispose();
            pushes = null;
        }
    }

    /** Reads the queue again when the board shows a decision arrive in or leave it; redraws the ages. */
    void refresh() {
        if (waitingChanged()) {
            load();
        }
        draw();
    }

    /**
     * As {@link #refresh}, for a push: pushes run on a reactive timer thread, where the backend's
     * blocking call is refused, so the queue is read on a thread that may wait and drawn when it
     * comes. Until then the ages move on over the queue as last read.
     */
    private void refreshFromPush() {
        if (waitingChanged() && user != null) {
            UI ui = UI.getCurrent();
            Mono.fromCallable(() -> backend.awaitingSignOff(user))
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe(read -> inUi(ui, () -> {
                        shown = read;
                        draw();
                    }), error -> inUi(ui, () -> notices.show("Could not read the decisions awaiting sign-off: "
                            + (error instanceof DutyException ? error.getMessage() : "the backend did not answer"),
                            true)));
        }
        draw();
    }

    private static void inUi(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the page has gone: nothing to show it on
        }
    }

    /** Whether the decisions the board shows waiting changed since the queue was last read. */
    private boolean waitingChanged() {
        var waiting = feed.read(state -> state.open().stream().filter(ReferralCard::awaitingSignOff)
                .collect(Collectors.toMap(ReferralCard::reference, ReferralCard::awaitingSignOffSince)))
                .orElse(Map.of());
        if (waiting.equals(seen)) {
            return false;
        }
        seen = waiting;
        return true;
    }

    private void load() {
        if (user == null) {
            notices.show("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            shown = backend.awaitingSignOff(user);
        } catch (DutyException e) {
            notices.show("Could not read the decisions awaiting sign-off: " + e.getMessage(), true);
        }
    }

    /** The decisions shown now, in order. */
    List<AwaitingSignOff> shown() {
        return shown;
    }

    private void draw() {
        Instant now = clock.instant();
        queue.removeAll();
        count.setText(shown.isEmpty() ? "Nothing waits for sign-off"
                : shown.size() + (shown.size() == 1 ? " decision waits" : " decisions wait")
                + ", the longest for " + BoardText.duration(Duration.between(shown.getFirst().decidedAt(), now)));
        for (var decision : shown) {
            queue.add(item(decision, now));
        }
    }

    private Section item(AwaitingSignOff decision, Instant now) {
        String ref = decision.reference();
        var section = new Section();
        section.setId("sign-off-" + ref);
        section.addClassName("duty-action");
        section.add(new H2(ref + " · " + decision.outcome().label()));
        section.add(line("Waiting", BoardText.duration(Duration.between(decision.decidedAt(), now))),
                line("Decision due", decision.decisionDueAt() == null ? "" : BoardText.when(decision.decisionDueAt(), now, feed.zone())
                        + (decision.decisionDueAt().isBefore(now) ? " (late)" : "")),
                line("Decided by", decision.decidedByName()),
                line("Threshold", decision.threshold()),
                line("Next step", decision.nextStep().label()
                        + (decision.receivingTeam() == null ? "" : " · " + decision.receivingTeam())),
                line("Rationale", decision.rationale()));
        boolean own = user != null && user.username().equals(decision.decidedBy());
        if (own) {
            var note = new Paragraph("Your decision: another duty lead signs it off or returns it.");
            note.addClassName("sign-off-own");
            section.add(note);
            return section;
        }
        var authorise = new Button("Authorise", e -> act(ref, ref + " signed off: " + decision.outcome().label(),
                person -> backend.signOff(person, new SignOffRequest(ref, null))));
        authorise.setId("sign-off-authorise-" + ref);
        authorise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var reason = new TextField("Reason to return it");
        reason.setId("sign-off-reason-" + ref);
        reason.setMaxLength(1000);
        var send = new Button("Return", e -> act(ref, ref + " returned for another decision",
                person -> backend.returnDecision(person, new SignOffRequest(ref, reason.getValue()))));
        send.setId("sign-off-return-" + ref);
        var actions = new Div(authorise, reason, send);
        actions.addClassName("duty-action-fields");
        section.add(actions);
        return section;
    }

    private void act(String reference, String done, java.util.function.Function<ActingUser, ReferralCard> action) {
        if (user == null) {
            notices.show("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            action.apply(user);
            notices.show(done, false);
        } catch (DutyException e) {
            notices.show(reference + ": " + e.getMessage(), true);
        }
        seen = null;
        refresh();
    }

    private static Div line(String label, String value) {
        var name = new Span(label);
        name.addClassName("label");
        var text = new Span(value == null ? "" : value);
        text.addClassName("value");
        var line = new Div(name, text);
        line.addClassName("fact");
        return line;
    }
}
