package org.mashlive.wallboard.duty;

import java.util.EnumSet;
import java.util.Set;

import org.mashlive.board.api.Flag;
import org.mashlive.board.api.ReferralCard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The child's flags on the selected referral: ticked as the board has them now, set or cleared by
 * the lead with a reason. What the lead has ticked and not yet saved is kept while the board moves
 * on; once saved, or untouched, the boxes follow the board, so a change another lead made shows.
 */
final class FlagsEditor extends Section {

    /** What saving does: sends the flags and the reason to the backend as the person. */
    interface Save {
        void save(Set<Flag> flags, String reason);
    }

    final CheckboxGroup<Flag> flags = new CheckboxGroup<>("Flags");
    final TextField reason = new TextField("Reason");
    final Button save = new Button("Save flags");
    private Set<Flag> shown = Set.of();

    FlagsEditor(Save action) {
        setId("duty-flags");
        addClassName("duty-action");
        flags.setId("duty-flag-choice");
        flags.setItems(Flag.values());
        flags.setItemLabelGenerator(Flag::label);
        reason.setId("duty-flags-reason");
        reason.setMaxLength(1000);
        reason.setPlaceholder("Why the flags change");
        save.setId("duty-flags-save");
        save.addClickListener(e -> action.save(chosen(), reason.getValue()));
        var fields = new Div(flags, reason, save);
        fields.addClassName("duty-action-fields");
        add(new H3("Flags"), fields);
    }

    /** The flags ticked now. */
    Set<Flag> chosen() {
        var ticked = flags.getValue();
        return ticked == null || ticked.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(ticked);
    }

    /** Follows the referral as the board has it, unless the lead is part-way through a change. */
    void follow(ReferralCard card) {
        boolean editing = !chosen().equals(shown);
        shown = card.flags();
        if (!editing) {
            flags.setValue(card.flags());
        }
    }

    /** The change is saved: the boxes show what the backend answered, the reason is cleared. */
    void saved(ReferralCard card) {
        shown = card.flags();
        flags.setValue(card.flags());
        reason.clear();
    }
}
