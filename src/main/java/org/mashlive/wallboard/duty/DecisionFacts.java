package org.mashlive.wallboard.duty;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mashlive.referral.api.ReferralDetail;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * A referral's decisions in the duty panel: each with its outcome, threshold, next step, rationale,
 * who made it and who signed it off or returned it and why; and who did what to it, oldest first.
 * Identifying (the rationale may name people): the duty view only.
 */
final class DecisionFacts {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private DecisionFacts() {
    }

    /** @param zone the hub's zone, in which the times are shown */
    static void add(Div facts, ReferralDetail shown, ZoneId zone) {
        var when = DAY_TIME.withZone(zone);
        if (!shown.decisions().isEmpty()) {
            var list = new UnorderedList();
            list.setId("duty-decisions");
            list.addClassName("duty-decisions");
            for (var decision : shown.decisions()) {
                var text = new StringBuilder(decision.outcome().label());
                if (decision.threshold() != null) {
                    text.append(" · ").append(decision.threshold());
                }
                if (decision.nextStep() != null) {
                    text.append(" · next: ").append(decision.nextStep().label());
                    if (decision.receivingTeam() != null) {
                        text.append(" (").append(decision.receivingTeam()).append(')');
                    }
                }
                text.append(" · ").append(when.format(decision.decidedAt())).append(" by ").append(decision.decidedBy());
                text.append(" · ").append(switch (decision.status()) {
                    case "AWAITING_SIGN_OFF" -> "awaiting sign-off";
                    case "SIGNED_OFF" -> "signed off " + when.format(decision.settledAt()) + " by " + decision.settledBy();
                    case "RETURNED" -> "returned " + when.format(decision.settledAt()) + " by " + decision.settledBy()
                            + ": " + decision.returnReason();
                    case "NOT_NEEDED" -> "no sign-off needed";
                    default -> "made before decisions were recorded in full";
                });
                if (decision.referrerToldAt() != null) {
                    text.append(" · referrer told ").append(when.format(decision.referrerToldAt())).append(" by ")
                            .append(decision.referrerToldHow().label().toLowerCase(Locale.ROOT));
                }
                var item = new ListItem(text.toString());
                if (decision.rationale() != null) {
                    var why = new Span("Rationale: " + decision.rationale());
                    why.addClassName("duty-rationale");
                    item.add(new Div(why));
                }
                list.add(item);
            }
            facts.add(fact("Decisions"), list);
        }
        if (!shown.trail().isEmpty()) {
            var trail = new UnorderedList();
            trail.setId("duty-trail");
            trail.addClassName("duty-trail");
            for (var step : shown.trail()) {
                trail.add(new ListItem(when.format(step.at()) + " · " + step.action().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " · " + step.by() + (step.detail() == null ? "" : " · " + step.detail())));
            }
            facts.add(fact("Who did what"), trail);
        }
    }

    private static Div fact(String label) {
        var name = new Span(label);
        name.addClassName("label");
        var fact = new Div(name);
        fact.addClassName("fact");
        return fact;
    }
}
