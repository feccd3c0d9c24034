package org.mashlive.wallboard;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.mashlive.quality.api.Escalation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The capacity view's professional disagreements: each open one by reference, agency, stage and age in
 * working days, the overdue ones marked in words as well as colour. No names and no concern text: the
 * capacity view shows figures.
 */
final class OpenEscalations extends Section {

    private final Supplier<List<Escalation>> source;
    private final Paragraph summary = new Paragraph();
    private final UnorderedList list = new UnorderedList();

    OpenEscalations(Supplier<List<Escalation>> source) {
        this.source = source;
        setId("capacity-escalations");
        addClassNames("tile", "tile-escalations");
        summary.setId("capacity-escalations-summary");
        list.setId("capacity-escalations-list");
        var again = new Button("Read again", e -> load());
        again.setId("capacity-escalations-refresh");
        add(new H2("Professional disagreements with partners"), summary, list, again);
        load();
    }

    /** Read as {@code user} (hub managers, service heads and admins may). */
    static OpenEscalations of(QualityBackend backend, ActingUser user) {
        return new OpenEscalations(() -> {
            if (user == null) {
                throw new DutyException(DutyException.Kind.REFUSED,
                        "your sign-in has no backend session: sign out and sign in again");
            }
            return backend.openEscalations(user);
        });
    }

    void load() {
        list.removeAll();
        List<Escalation> open;
        try {
            open = source.get();
        } catch (DutyException e) {
            summary.setText("Could not read the disagreements: " + e.getMessage());
            return;
        }
        long overdue = open.stream().filter(Escalation::overdue).count();
        summary.setText(open.isEmpty() ? "None open"
                : open.size() + " open" + (overdue == 0 ? "" : ", " + overdue + " overdue (open longer than the hub allows)"));
        for (var escalation : open) {
            var item = new ListItem(new Span(escalation.reference() + " · " + words(escalation.agency()) + " · "
                    + words(escalation.stage()) + " stage · " + days(escalation.workingDaysOpen()) + " open"
                    + (escalation.overdue() ? " · overdue" : "")));
            item.setId("capacity-escalation-" + escalation.id());
            if (escalation.overdue()) {
                item.addClassName("overdue");
            }
            list.add(item);
        }
    }

    private static String days(double workingDays) {
        return (workingDays == Math.rint(workingDays) ? Long.toString((long) workingDays)
                : String.format(Locale.ROOT, "%.1f", workingDays)) + " working " + (workingDays == 1 ? "day" : "days");
    }

    private static String words(String name) {
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
