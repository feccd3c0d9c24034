package org.mashlive.wallboard.quality;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A label and its value, one line, as the sign-off queue shows a decision's facts. */
final class Facts {

    private Facts() {
    }

    static Div line(String label, String value) {
        var name = new Span(label);
        name.addClassName("label");
        var text = new Span(value == null ? "" : value);
        text.addClassName("value");
        var line = new Div(name, text);
        line.addClassName("fact");
        return line;
    }
}
