package org.mashlive.referral.api;

/**
 * Set or change a referral's RAG.
 *
 * @param reference its reference ({@code MASH-2026-000123}) or numeric id
 * @param rag       {@code RED}, {@code AMBER} or {@code GREEN}
 * @param reason    why, in the screener's words (at most 1000 characters)
 */
public record RateRequest(String reference, String rag, String reason) {
}
