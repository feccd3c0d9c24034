package org.mashlive.partner.api;

import java.time.Instant;
import java.util.List;

import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.PartnerRequestCard;
import org.mashlive.board.api.Rag;

/**
 * A request as duty leads see it. The summary of the answer may identify a child: it goes to duty
 * leads and admins only, never to the board.
 *
 * @param id                the request's id
 * @param reference         its referral's reference
 * @param agency            the agency asked
 * @param healthService     for health, which service; null otherwise
 * @param rag               the RAG its response time was set by
 * @param asked             what was asked, or null
 * @param requestedAt       when it was sent
 * @param requestedBy       who asked, by display name
 * @param owner             who in the hub follows it up, by display name
 * @param dueAt             when the answer is due
 * @param chases            every chase, the first first
 * @param answeredAt        when the answer came, or null
 * @param answeredBy        who recorded it, by display name, or null
 * @param summary           what the partner said, or null
 * @param noInformationHeld whether the partner holds no information
 * @param policeCheck       whether it is a police notification's police checks: held by an officer
 *                          (the owner), due when the referral's screening is, and recorded done on the
 *                          referral's police checks rather than chased or answered here
 */
public record PartnerRequestDetail(long id, String reference, Agency agency, HealthService healthService, Rag rag,
                                   String asked, Instant requestedAt, String requestedBy, String owner, Instant dueAt,
                                   List<Chase> chases, Instant answeredAt, String answeredBy, String summary,
                                   boolean noInformationHeld, boolean policeCheck) {

    public PartnerRequestDetail {
        chases = chases == null ? List.of() : List.copyOf(chases);
    }

    /** An information request, not a police check. */
    public PartnerRequestDetail(long id, String reference, Agency agency, HealthService healthService, Rag rag,
                                String asked, Instant requestedAt, String requestedBy, String owner, Instant dueAt,
                                List<Chase> chases, Instant answeredAt, String answeredBy, String summary,
                                boolean noInformationHeld) {
        this(id, reference, agency, healthService, rag, asked, requestedAt, requestedBy, owner, dueAt, chases,
                answeredAt, answeredBy, summary, noInformationHeld, false);
    }

    /** Whether the hub still waits for it. */
    public boolean open() {
        return answeredAt == null;
    }

    /** The agency with its service: {@code Health (GP)}. */
    public String partnerLabel() {
        return healthService == null ? agency.label() : agency.label() + " (" + healthService.label() + ")";
    }

    /**
     * One chase.
     *
     * @param at   when
     * @param by   who chased, by display name
     * @param how  how
     * @param note what was said, or null
     */
    public record Chase(Instant at, String by, ChaseWay how, String note) {
    }

    /** What the board may show of it. */
    public PartnerRequestCard card(long referralId) {
        return new PartnerRequestCard(id, referralId, reference, agency, healthService, rag, requestedAt, dueAt,
                chases.size(), chases.isEmpty() ? null : chases.getLast().at(), answeredAt, noInformationHeld);
    }
}
