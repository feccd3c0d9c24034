package org.mashlive.wallboard.board;

import org.mashlive.wallboard.RagColumn;

import com.vaadin.flow.component.html.Span;

/** A RAG as a badge: its colour, and always its word, so it never depends on colour alone. */
final class RagBadge extends Span {

    RagBadge(RagColumn column) {
        super(column.label());
        addClassNames("rag-badge", "rag-" + column.key());
    }
}
