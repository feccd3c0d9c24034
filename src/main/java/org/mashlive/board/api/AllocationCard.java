package org.mashlive.board.api;

import java.time.Instant;

/**
 * Who works a case now, as the board and duty views show it.
 *
 * @param workType    referral or police check
 * @param workId      the referral's or check's id
 * @param reference   the case's reference, {@code MASH-2026-000123}
 * @param staffId     the person who has it
 * @param staffName   their display name, e.g. {@code J. Patel}
 * @param version     how many times it has been allocated; a move names the version it saw
 * @param allocatedAt when it was last allocated (UTC)
 */
public record AllocationCard(WorkType workType, long workId, String reference, long staffId, String staffName,
                             int version, Instant allocatedAt) {
}
