package org.mashlive.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** A case was given to someone for the first time. */
    ALLOCATED,
    /** A case was moved from one person to another. */
    REALLOCATED,
    /** A move lost to another duty lead's move made at the same time; nothing changed. */
    ALLOCATION_CONFLICT,
    /** A move was refused (for example it needed a confirmation it did not have); nothing changed. */
    ALLOCATION_REFUSED,
    /** Someone viewed a child's identifying detail. */
    DETAIL_VIEWED
}
