package org.mashlive.board.api;

import java.time.Duration;

/**
 * A timescale as the board labels it.
 *
 * @param rag          the RAG it applies to, or null for contacts not yet rated
 * @param target       how long the clock allows
 * @param workingHours whether the clock counts working hours only (otherwise elapsed time)
 */
public record TimescaleInfo(Rag rag, Duration target, boolean workingHours) {

    /** For example {@code 4 h elapsed} or {@code 8 working h}. */
    public String label() {
        long minutes = target.toMinutes();
        String amount = minutes % 60 == 0 ? (minutes / 60) + " h" : String.format("%.1f h", minutes / 60.0);
        return workingHours ? amount.replace(" h", " working h") : amount + " elapsed";
    }
}
