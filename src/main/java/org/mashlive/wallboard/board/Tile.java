package org.mashlive.wallboard.board;

import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Section;

/**
 * One tile of the board: a titled section that brings its own components up to date with each
 * render. A tile builds its components once and changes only the texts that differ, so a push
 * carries only what changed.
 */
abstract class Tile extends Section {

    Tile(String id, String title) {
        this(id, new H2(title));
    }

    Tile(String id, H2 title) {
        super(title);
        setId(id);
        addClassNames("tile", "tile-" + id);
    }

    /** Shows {@code figures} as they stand at {@code now}. */
    abstract void render(BoardFigures figures, Instant now);

    /**
     * Sets a text only when it differs, so an unchanged one is not sent again; where the component
     * holds just its text, the text itself is changed, so the push carries the new words alone rather
     * than the component's children removed and added again.
     */
    static void text(HasText component, String value) {
        if (value.equals(component.getText())) {
            return;
        }
        var element = component.getElement();
        if (!value.isEmpty() && element.getChildCount() == 1 && element.getChild(0).isTextNode()) {
            element.getChild(0).setText(value);
        } else {
            component.setText(value);
        }
    }

    static Span span(String id, String... classNames) {
        var span = new Span();
        if (id != null) {
            span.setId(id);
        }
        span.addClassNames(classNames);
        return span;
    }

    static Span label(String text) {
        var span = new Span(text);
        span.addClassName("label");
        return span;
    }

    static <T extends Component> T withClass(T component, String... classNames) {
        component.addClassNames(classNames);
        return component;
    }
}
