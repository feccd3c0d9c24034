package org.mashlive.partner.api;

/**
 * A chase of a partner for an answer.
 *
 * @param requestId the request chased
 * @param how       one of {@link ChaseWay}'s names
 * @param note      what was said, optional
 */
public record ChaseRequest(Long requestId, String how, String note) {
}
