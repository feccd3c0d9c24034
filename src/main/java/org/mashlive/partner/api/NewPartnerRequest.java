package org.mashlive.partner.api;

/**
 * Information to ask of a partner about a referral.
 *
 * @param reference     the referral's reference
 * @param agency        one of {@link org.mashlive.board.api.Agency}'s names
 * @param healthService for {@code HEALTH}, one of {@link org.mashlive.board.api.HealthService}'s names
 * @param rag           the RAG that sets its response time; absent, the referral's (Amber while it is not rated)
 * @param asked         what was asked, for the duty view
 * @param owner         who in the hub follows it up (a username); absent, the caller
 */
public record NewPartnerRequest(String reference, String agency, String healthService, String rag, String asked,
                                String owner) {
}
