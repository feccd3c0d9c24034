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
    DETAIL_VIEWED,
    /** A referral was rated, or its RAG changed; the reason is the screener's. */
    RAG_CHANGED,
    /** A referral moved from one open stage to another. */
    STAGE_CHANGED,
    /** The decision on a referral was recorded, which closed it. */
    DECIDED,
    /** The police checks on a police notification were recorded as done. */
    POLICE_CHECK_DONE
}
