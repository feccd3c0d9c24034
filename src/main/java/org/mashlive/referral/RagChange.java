package org.mashlive.referral;

import java.time.Instant;

import org.mashlive.board.api.Rag;

/**
 * One change of a referral's RAG.
 *
 * @param at     when it changed
 * @param from   the RAG before, null when it was not yet rated
 * @param to     the RAG after
 * @param reason why, in the screener's words
 */
public record RagChange(Instant at, Rag from, Rag to, String reason) {
}
