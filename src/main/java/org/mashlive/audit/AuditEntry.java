package org.mashlive.audit;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param at          when
 * @param actor       who did it (the signed-in user's name)
 * @param action      what
 * @param subjectType {@code REFERRAL} or {@code POLICE_CHECK}
 * @param subjectId   the referral's or check's id
 * @param reference   the human reference of the case, {@code MASH-2026-000123}
 * @param fromStaffId who had it before, if anyone
 * @param toStaffId   who has it after (or would have had, for a refused or losing attempt)
 * @param reason      why, in the actor's words
 * @param detail      what else the entry needs to say, e.g. who won a conflict
 */
public record AuditEntry(Instant at, String actor, AuditAction action, String subjectType, long subjectId,
                         String reference, Long fromStaffId, Long toStaffId, String reason, String detail) {
}
