package org.mashlive.wallboard.board;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

/**
 * Brings the children of a list already on the page in line with freshly built ones, changing only
 * what differs: a row at the same place with the same tag keeps its element and has only its
 * changed classes, attributes and texts set, and only rows the list gains or loses are added or
 * removed. The freshly built components are patterns; those that replace nothing are moved into
 * the page, the others are dropped.
 *
 * <p>So a push carries what changed on the screen rather than every row of a list rebuilt. A list
 * rebuilt whole on each change (a new referral, a request to a partner) made pushes of 30 to 60 KB
 * of node creations and removals, which the browser then had to apply and lay out again.
 */
final class InPlace {

    private InPlace() {
    }

    /** Makes {@code parent}'s children what {@code wanted}'s elements are, reusing those already there. */
    static void children(Component parent, List<? extends Component> wanted) {
        children(parent.getElement(), wanted.stream().map(Component::getElement).toList());
    }

    static void children(Element parent, List<Element> wanted) {
        for (int i = 0; i < wanted.size(); i++) {
            Element want = wanted.get(i);
            if (i >= parent.getChildCount()) {
                parent.appendChild(want);
            } else if (alike(parent.getChild(i), want)) {
                copy(want, parent.getChild(i));
            } else {
                parent.setChild(i, want);
            }
        }
        while (parent.getChildCount() > wanted.size()) {
            parent.removeChild(parent.getChildCount() - 1);
        }
    }

    /**
     * Whether {@code shown} can be made to look like {@code want} by setting texts, attributes and
     * children: both text nodes, or the same tag made by the same kind of component with the same
     * properties (the board's rows set none, so properties are compared, never copied: a difference
     * there makes a new element instead).
     */
    private static boolean alike(Element shown, Element want) {
        if (shown.isTextNode() || want.isTextNode()) {
            return shown.isTextNode() && want.isTextNode();
        }
        return shown.getTag().equals(want.getTag())
                && kind(shown).equals(kind(want))
                && properties(shown).equals(properties(want));
    }

    private static Optional<Class<?>> kind(Element element) {
        return element.getComponent().map(Object::getClass);
    }

    private static Map<String, Object> properties(Element element) {
        var properties = new HashMap<String, Object>();
        element.getPropertyNames().forEach(name -> properties.put(name, element.getPropertyRaw(name)));
        return properties;
    }

    private static void copy(Element from, Element to) {
        if (from.isTextNode()) {
            if (!from.getText().equals(to.getText())) {
                to.setText(from.getText());
            }
            return;
        }
        var names = from.getAttributeNames().collect(Collectors.toSet());
        to.getAttributeNames().filter(name -> !names.contains(name)).toList().forEach(to::removeAttribute);
        for (String name : names) {
            String value = from.getAttribute(name);
            if (!Objects.equals(value, to.getAttribute(name))) {
                to.setAttribute(name, value);
            }
        }
        if (from.isVisible() != to.isVisible()) {
            to.setVisible(from.isVisible());
        }
        children(to, from.getChildren().toList());
    }
}
