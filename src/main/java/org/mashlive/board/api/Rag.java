package org.mashlive.board.api;

/** The priority a screener sets on a contact. A contact not yet rated has no RAG (null). */
public enum Rag {
    RED("Red"), AMBER("Amber"), GREEN("Green");

    private final String label;

    Rag(String label) {
        this.label = label;
    }

    /** The word shown beside the colour, so colour is never the only signal. */
    public String label() {
        return label;
    }
}
