package org.mashlive.allocation;

import org.mashlive.board.api.WorkType;

/**
 * A request to give a case to a person.
 *
 * @param workType        referral or police check
 * @param workId          its id
 * @param toStaffId       who should have it
 * @param expectedVersion the allocation version the requester saw; null when they saw it
 *                        unallocated. If someone moved it since, the request loses and is told who
 *                        has it now
 * @param reason          why; required to move a case from one person to another
 * @param confirmed       the requester has seen and accepted the warnings (over caseload, off shift)
 */
public record AllocateCase(WorkType workType, long workId, long toStaffId, Integer expectedVersion, String reason,
                           boolean confirmed) {
}
