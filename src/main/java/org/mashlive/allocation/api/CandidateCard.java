package org.mashlive.allocation.api;

import java.time.Instant;

/**
 * Someone a case can go to, as a duty lead chooses.
 *
 * @param staffId        their id
 * @param name           e.g. {@code J. Patel}
 * @param role           their role's name, e.g. {@code SOCIAL_WORKER}
 * @param onShift        on shift now
 * @param onBreak        on shift but on a break
 * @param nextShiftStart when off shift, when their next shift starts (null if none planned)
 * @param openCases      the open cases they hold
 * @param caseloadLimit  the limit past which giving them more needs a confirmation
 */
public record CandidateCard(long staffId, String name, String role, boolean onShift, boolean onBreak,
                            Instant nextShiftStart, int openCases, int caseloadLimit) {
}
