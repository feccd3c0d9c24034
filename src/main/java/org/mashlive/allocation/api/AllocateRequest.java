package org.mashlive.allocation.api;

import org.mashlive.board.api.WorkType;

/**
 * Give a case to a person, or move it.
 *
 * @param reference       the referral's reference or id
 * @param workType        the referral itself, or its police checks
 * @param staffId         who should have it
 * @param expectedVersion the allocation version the caller saw; null when they saw it unallocated
 * @param reason          why; required to move a case
 * @param confirm         the caller has seen and accepts the warnings of an earlier answer
 */
public record AllocateRequest(String reference, WorkType workType, long staffId, Integer expectedVersion,
                              String reason, boolean confirm) {
}
