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
    /** A decision on a referral was recorded: it closed it, or it waits for sign-off (the detail says which). */
    DECIDED,
    /** The police checks on a police notification were recorded as done. */
    POLICE_CHECK_DONE,
    /** A contact was taken in, by the signed-in person or partner system (written with it). */
    RECEIVED,
    /** A decision that needed management oversight was authorised by another lead, which closed it. */
    SIGNED_OFF,
    /** A decision was returned for another decision, with the reason; the referral is open again. */
    DECISION_RETURNED,
    /** A sign-off or return was refused (for example, of the person's own decision); nothing changed. */
    SIGN_OFF_REFUSED,
    /** A decision was drawn into a week's quality-assurance sample (the detail names the week and seed). */
    QA_SAMPLED,
    /** A sampled decision was graded against the checklist, with feedback to the person who made it. */
    QA_GRADED,
    /** A professional disagreement with a partner agency was raised about the referral. */
    ESCALATION_RAISED,
    /** A professional disagreement moved to another stage (manager, head of service). */
    ESCALATION_STAGE_CHANGED,
    /** A professional disagreement was resolved, with how. */
    ESCALATION_RESOLVED,
    /** A child's flags were set or cleared on a referral, with the reason; the detail says which. */
    FLAGS_CHANGED,
    /** Information was asked of a partner agency about the referral. */
    PARTNER_REQUESTED,
    /** A partner agency was chased for its answer. */
    PARTNER_CHASED,
    /** A partner agency's answer (or that it holds no information) was recorded. */
    PARTNER_ANSWERED
}
