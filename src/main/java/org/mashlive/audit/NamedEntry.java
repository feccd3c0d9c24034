package org.mashlive.audit;

import java.time.Instant;

/**
 * One line of the audit trail as people read it: the entry, with the person who made it named by
 * their display name and role.
 *
 * @param at          when
 * @param actor       the account's name (the person's id)
 * @param actorName   how the hub knows them; {@code unknown (before recording began)} for changes made
 *                    before people were recorded
 * @param actorRole   the role they acted in
 * @param action      what
 * @param subjectType {@code REFERRAL} or {@code POLICE_CHECK}
 * @param subjectId   the referral's or check's id
 * @param reference   the case's reference
 * @param fromStaffId who had it before, if anyone
 * @param toStaffId   who has it after
 * @param reason      why, in the actor's words
 * @param detail      what else the entry says
 */
public record NamedEntry(Instant at, String actor, String actorName, String actorRole, AuditAction action,
                         String subjectType, long subjectId, String reference, Long fromStaffId, Long toStaffId,
                         String reason, String detail) {
}
