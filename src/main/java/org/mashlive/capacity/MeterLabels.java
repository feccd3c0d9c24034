package org.mashlive.capacity;

import java.util.Locale;

import org.mashlive.board.api.Rag;

/** Label values of the capacity meters: lower-case enum names, a bounded set each. */
final class MeterLabels {

    /** The {@code rag} label of a contact not yet rated. */
    static final String NOT_RATED = "not_rated";

    private MeterLabels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String rag(Rag rag) {
        return rag == null ? NOT_RATED : of(rag);
    }

    /** Every RAG label, Red, Amber, Green, then not rated. */
    static Rag[] ragsAndUnrated() {
        return new Rag[] {Rag.RED, Rag.AMBER, Rag.GREEN, null};
    }
}
