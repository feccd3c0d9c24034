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
 * @param allocatedBy the user who last allocated or moved it (a duty lead's username, e.g. {@code duty.lead});
 *                    absent when not known
 */
public record AllocationCard(WorkType workType, long workId, String reference, long staffId, String staffName,
                             int version, Instant allocatedAt, String allocatedBy) {

    /** A card that does not say who allocated it. */
    public AllocationCard(WorkType workType, long workId, String reference, long staffId, String staffName,
                          int version, Instant allocatedAt) {
        this(workType, workId, reference, staffId, staffName, version, allocatedAt, null);
    }
}
