package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.change.MapPutChange;
import com.vaadin.flow.internal.change.NodeChange;

/**
 * A list patched in place looks exactly as if it had been built anew, while the rows, spans and
 * texts already on the page stay the same state nodes, so only what changed is sent.
 */
class InPlaceTest {

    /** A line as the board's lists have them: a RAG, a reference, words, and sometimes an extra part. */
    record Line(RagColumn rag, String reference, String words, boolean late, String extra) {
    }

    private static Component row(Line line) {
        var item = new ListItem(new RagBadge(line.rag()), Tile.withClass(new Span(line.reference()), "reference"),
                new Text(" "), Tile.withClass(new Span(line.words()), "words"));
        item.addClassNames("row", "rag-" + line.rag().key());
        if (line.late()) {
            item.addClassName("late");
            item.getElement().setAttribute("data-late", "yes");
        }
        if (line.extra() != null) {
            item.add(Tile.withClass(new Span(Tile.withClass(new Span("+"), "sign"), new Span(line.extra())), "extra"));
        }
        return item;
    }

    private static List<Component> rows(List<Line> lines) {
        var rows = new ArrayList<Component>();
        lines.forEach(line -> rows.add(row(line)));
        if (lines.isEmpty()) {
            rows.add(new ListItem("Nothing"));
        }
        return rows;
    }

    private static String fresh(List<Line> lines) {
        var list = new UnorderedList();
        rows(lines).forEach(list::add);
        return list.getElement().getOuterHTML();
    }

    private static Line random(Random random) {
        var rags = RagColumn.values();
        return new Line(rags[random.nextInt(rags.length)], "MASH-2026-" + (100 + random.nextInt(6)),
                random.nextBoolean() ? "received" : "due in " + random.nextInt(3) + " h", random.nextInt(4) == 0,
                random.nextInt(3) == 0 ? Integer.toString(random.nextInt(3)) : null);
    }

    @Test
    void aListPatchedStepByStepIsAlwaysWhatBuildingItAnewGives() {
        var random = new Random(20261201);
        var list = new UnorderedList();
        for (int step = 0; step < 500; step++) {
            var lines = new ArrayList<Line>();
            int size = random.nextInt(7);
            for (int i = 0; i < size; i++) {
                lines.add(random(random));
            }
            InPlace.children(list, rows(lines));
            assertThat(list.getElement().getOuterHTML()).as("step %d: %s", step, lines).isEqualTo(fresh(lines));
        }
    }

    @Test
    void aChangedWordChangesThatTextAloneAndKeepsEveryElement() {
        var list = new UnorderedList();
        var lines = new ArrayList<>(List.of(new Line(RagColumn.RED, "MASH-2026-000001", "received", false, null),
                new Line(RagColumn.AMBER, "MASH-2026-000002", "due in 2 h", false, null),
                new Line(RagColumn.GREEN, "MASH-2026-000003", "due in 3 h", true, "2")));
        InPlace.children(list, rows(lines));
        var before = everyElement(list.getElement());

        lines.set(1, new Line(RagColumn.AMBER, "MASH-2026-000002", "due in 1 h", false, null));
        InPlace.children(list, rows(lines));

        var after = everyElement(list.getElement());
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).getNode()).as("element %d", i).isSameAs(before.get(i).getNode());
        }
        assertThat(list.getElement().getOuterHTML()).isEqualTo(fresh(lines)).contains("due in 1 h");
    }

    @Test
    void aRowGainedOrLostAddsOrRemovesThatRowOnly() {
        var list = new UnorderedList();
        var lines = new ArrayList<>(List.of(new Line(RagColumn.RED, "MASH-2026-000001", "received", false, null),
                new Line(RagColumn.AMBER, "MASH-2026-000002", "received", false, null)));
        InPlace.children(list, rows(lines));
        var first = list.getElement().getChild(0);
        var second = list.getElement().getChild(1);

        lines.add(new Line(RagColumn.GREEN, "MASH-2026-000003", "received", false, null));
        InPlace.children(list, rows(lines));
        assertThat(list.getElement().getChildCount()).isEqualTo(3);
        assertThat(list.getElement().getChild(0).getNode()).isSameAs(first.getNode());
        assertThat(list.getElement().getChild(1).getNode()).isSameAs(second.getNode());

        InPlace.children(list, rows(lines.subList(0, 1)));
        assertThat(list.getElement().getChildCount()).isEqualTo(1);
        assertThat(list.getElement().getChild(0).getNode()).isSameAs(first.getNode());
        assertThat(second.getParent()).isNull();
    }

    @Test
    void anElementOfAnotherKindIsReplacedNotReshaped() {
        // a RAG badge and a plain span are both <span>: the badge is a component of its own kind
        var list = new UnorderedList();
        InPlace.children(list, List.of(new ListItem(new RagBadge(RagColumn.RED))));
        var badge = list.getElement().getChild(0).getChild(0);
        InPlace.children(list, List.of(new ListItem(new Span("Red"))));
        var now = list.getElement().getChild(0).getChild(0);
        assertThat(now.getNode()).isNotSameAs(badge.getNode());
        assertThat(now.getComponent()).get().isExactlyInstanceOf(Span.class);
        assertThat(list.getElement().getOuterHTML()).isEqualTo("<ul>\n <li><span>Red</span></li>\n</ul>");
    }

    @Test
    void aTileTextKeepsItsTextNodeWhateverTheWords() {
        var span = new Span("12");
        var node = span.getElement().getChild(0);
        Tile.text(span, "13");
        assertThat(span.getElement().getChildCount()).isEqualTo(1);
        assertThat(span.getElement().getChild(0).getNode()).isSameAs(node.getNode());
        assertThat(span.getText()).isEqualTo("13");
        Tile.text(span, "");
        assertThat(span.getText()).isEmpty();
        Tile.text(span, "14");
        assertThat(span.getText()).isEqualTo("14");
        var text = new Text("a");
        Tile.text(text, "b");
        assertThat(text.getText()).isEqualTo("b");
    }

    @Test
    void aPushCarriesTheChangedWordsAloneNotTheRowsAgain() {
        var ui = new UI();
        var list = new UnorderedList();
        ui.add(list);
        var lines = new ArrayList<Line>();
        for (int i = 0; i < 8; i++) {
            lines.add(new Line(RagColumn.AMBER, "MASH-2026-00000" + i, "due in " + i + " h", false, null));
        }
        InPlace.children(list, rows(lines));
        changes(ui);

        lines.set(3, new Line(RagColumn.AMBER, "MASH-2026-000003", "due in 9 h", false, null));
        InPlace.children(list, rows(lines));
        // the one text node's new value; no row, span or text node made, moved or removed
        assertThat(changes(ui)).singleElement().isInstanceOf(MapPutChange.class);

        var span = new Span("12");
        ui.add(span);
        changes(ui);
        Tile.text(span, "13");
        assertThat(changes(ui)).singleElement().isInstanceOf(MapPutChange.class);
    }

    private static List<NodeChange> changes(UI ui) {
        var changes = new ArrayList<NodeChange>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }

    private static List<Element> everyElement(Element root) {
        var all = new ArrayList<Element>();
        all.add(root);
        root.getChildren().forEach(child -> all.addAll(everyElement(child)));
        return all;
    }
}
