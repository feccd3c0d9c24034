package org.mashlive.board.api;

import java.time.Instant;

/**
 * An information request to a partner agency, as the board may show it: who it went to, when, when
 * it is due, how often it was chased and whether it is answered. The answer itself, and who asked,
 * stay with the duty view.
 *
 * @param id                the request's id
 * @param referralId        the referral it belongs to
 * @param reference         that referral's reference, {@code MASH-2026-000123}
 * @param agency            the agency asked
 * @param healthService     for health, which part of it; null otherwise
 * @param rag               the RAG its response time was set by
 * @param requestedAt       when it was sent (UTC)
 * @param dueAt             when the answer is due (UTC)
 * @param chases            how many times it has been chased
 * @param lastChasedAt      when it was last chased, or null
 * @param answeredAt        when the answer came, or null while waiting
 * @param noInformationHeld whether the answer was that the agency holds nothing (an answer all the same)
 */
public record PartnerRequestCard(long id, long referralId, String reference, Agency agency,
                                 HealthService healthService, Rag rag, Instant requestedAt, Instant dueAt, int chases,
                                 Instant lastChasedAt, Instant answeredAt, boolean noInformationHeld) {

    /** Whether the hub still waits for it. */
    public boolean open() {
        return answeredAt == null;
    }

    /** Whether it is waiting past its due time at {@code now}; at the due instant itself it is not yet late. */
    public boolean overdueAt(Instant now) {
        return open() && now.isAfter(dueAt);
    }

    /** The agency, with the part of health: {@code Health (GP)}. */
    public String partnerLabel() {
        return healthService == null ? agency.label() : agency.label() + " (" + healthService.label() + ")";
    }
}
