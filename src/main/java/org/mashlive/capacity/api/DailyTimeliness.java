package org.mashlive.capacity.api;

import java.time.LocalDate;
import java.util.List;

import org.mashlive.board.api.Rag;

/**
 * Decisions made on one day (Europe/London) against their timescales.
 *
 * @param day   the day
 * @param byRag one entry per RAG, Red, Amber, Green, then not rated ({@code rag} null), every one
 *              present even with no decision
 */
public record DailyTimeliness(LocalDate day, List<RagTimeliness> byRag) {

    public DailyTimeliness {
        byRag = List.copyOf(byRag);
    }

    /** The entry of {@code rag} (null: not rated). */
    public RagTimeliness of(Rag rag) {
        return byRag.stream().filter(entry -> entry.rag() == rag).findFirst()
                .orElse(new RagTimeliness(rag, 0, 0));
    }

    /**
     * Decisions of one RAG.
     *
     * @param rag     the RAG at decision, or null for a contact decided without a rating
     * @param decided how many were decided
     * @param within  how many of those were decided within their timescale
     */
    public record RagTimeliness(Rag rag, int decided, int within) {

        /** The share (0 to 1) decided within timescale, or null with no decision to share. */
        public Double share() {
            return decided == 0 ? null : (double) within / decided;
        }
    }
}
