package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.FeedbackWay;
import org.mashlive.referral.api.NextStep;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DutyException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Recording a decision as a front door makes it: the outcome, why (the rationale, which may name
 * people and stays on duty screens), the threshold applied, the next step and the team that receives
 * it, and whether and how the referrer was told. The backend decides whether it needs another lead's
 * sign-off; the answer says which. A refusal is shown in the backend's words and the dialog stays open
 * with what was typed.
 */
final class DecideDialog extends Dialog {

    /** What the view is told of the answer. */
    interface Answer {
        void decided(ReferralCard card, String text);

        void refused(String text);
    }

    final Select<Outcome> outcome = new Select<>();
    final TextArea rationale = new TextArea("Rationale");
    final Select<String> threshold = new Select<>();
    final Select<NextStep> nextStep = new Select<>();
    final TextField receivingTeam = new TextField("Receiving team (optional)");
    final Checkbox told = new Checkbox("Referrer told of the decision");
    final DateTimePicker toldAt = new DateTimePicker("When");
    final Select<FeedbackWay> toldHow = new Select<>();
    final Button record = new Button("Record decision");
    final Button cancel = new Button("Cancel");

    DecideDialog(String reference, List<String> thresholds, DutyBackend backend, ActingUser user, Clock clock,
                 ZoneId zone, Answer answer) {
        setId("duty-decision-dialog");
        setHeaderTitle("Decision on " + reference);
        outcome.setId("duty-decision-outcome");
        outcome.setLabel("Outcome");
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(Outcome::label);
        rationale.setId("duty-decision-rationale");
        rationale.setMaxLength(4000);
        rationale.setWidthFull();
        rationale.setHelperText("Why: kept with the referral, for duty leads only");
        threshold.setId("duty-decision-threshold");
        threshold.setLabel("Threshold applied");
        threshold.setItems(thresholds);
        nextStep.setId("duty-decision-next");
        nextStep.setLabel("Next step");
        nextStep.setItems(NextStep.values());
        nextStep.setItemLabelGenerator(NextStep::label);
        receivingTeam.setId("duty-decision-team");
        receivingTeam.setMaxLength(120);
        told.setId("duty-decision-told");
        toldAt.setId("duty-decision-told-at");
        toldHow.setId("duty-decision-told-how");
        toldHow.setLabel("How");
        toldHow.setItems(FeedbackWay.values());
        toldHow.setItemLabelGenerator(FeedbackWay::label);
        toldAt.setVisible(false);
        toldHow.setVisible(false);
        told.addValueChangeListener(e -> {
            toldAt.setVisible(e.getValue());
            toldHow.setVisible(e.getValue());
            if (e.getValue() && toldAt.getValue() == null) {
                toldAt.setValue(LocalDateTime.ofInstant(clock.instant(), zone).withSecond(0).withNano(0));
            }
        });
        var note = new Paragraph("Every outcome but no further action waits for another duty lead's sign-off "
                + "before the referral closes.");
        note.addClassName("duty-decision-note");
        add(new VerticalLayout(outcome, rationale, threshold, nextStep, receivingTeam, told, toldAt, toldHow, note));

        record.setId("duty-decision-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> {
            var chosen = outcome.getValue();
            boolean feedback = Boolean.TRUE.equals(told.getValue());
            var request = new DecisionRequest(reference, chosen == null ? null : chosen.name(), rationale.getValue(),
                    threshold.getValue(), nextStep.getValue() == null ? null : nextStep.getValue().name(),
                    receivingTeam.getValue(),
                    feedback && toldAt.getValue() != null ? toldAt.getValue().atZone(zone).toInstant() : null,
                    feedback && toldHow.getValue() != null ? toldHow.getValue().name() : null);
            if (user == null) {
                answer.refused("Your sign-in has no backend session: sign out and sign in again");
                return;
            }
            try {
                var card = backend.decide(user, request);
                close();
                answer.decided(card, card.awaitingSignOff()
                        ? reference + " decided: " + chosen.label() + " — awaiting sign-off by another duty lead"
                        : reference + " decided: " + chosen.label());
            } catch (DutyException refused) {
                answer.refused(reference + ": " + refused.getMessage());
            }
        });
        cancel.setId("duty-decision-cancel");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, record);
    }
}
