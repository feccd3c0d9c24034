package org.mashlive.wallboard;

import java.util.Locale;

import org.mashlive.board.api.Rag;

/** The RAG columns of the board, the unrated included; each is shown with its word, never by colour alone. */
public enum RagColumn {
    RED(Rag.RED, "Red"),
    AMBER(Rag.AMBER, "Amber"),
    GREEN(Rag.GREEN, "Green"),
    NOT_RATED(null, "Not rated");

    private final Rag rag;
    private final String label;

    RagColumn(Rag rag, String label) {
        this.rag = rag;
        this.label = label;
    }

    public static RagColumn of(Rag rag) {
        return rag == null ? NOT_RATED : switch (rag) {
            case RED -> RED;
            case AMBER -> AMBER;
            case GREEN -> GREEN;
        };
    }

    public Rag rag() {
        return rag;
    }

    public String label() {
        return label;
    }

    /** For ids and CSS classes: {@code red}, {@code amber}, {@code green}, {@code not-rated}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
