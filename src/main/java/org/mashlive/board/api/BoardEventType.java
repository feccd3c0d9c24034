package org.mashlive.board.api;

/** What happened, in the past tense. */
public enum BoardEventType {
    REFERRAL_RECEIVED("received", Subject.REFERRAL),
    RAG_CHANGED("re-rated", Subject.REFERRAL),
    STAGE_CHANGED("moved", Subject.REFERRAL),
    REFERRAL_DECIDED("decided", Subject.REFERRAL),
    /** A person was added, changed, went on or came off a break, or left (then not active). */
    STAFF_CHANGED("changed", Subject.STAFF),
    SHIFT_ADDED("added", Subject.SHIFT),
    SHIFT_REMOVED("removed", Subject.SHIFT),
    /** The police checks on a police notification were recorded as done. */
    POLICE_CHECK_DONE("police checks done", Subject.REFERRAL),
    /** A referral or its police checks were given to someone, or moved to someone else. */
    ALLOCATION_CHANGED("allocated", Subject.ALLOCATION),
    /** A decision was made that waits for a lead's sign-off; the referral stays open until then. */
    DECISION_AWAITING_SIGN_OFF("decided, awaiting sign-off", Subject.REFERRAL),
    /** A decision waiting for sign-off was returned; the referral is open for another decision. */
    DECISION_RETURNED("returned for another decision", Subject.REFERRAL),
    /** A duty lead set or cleared the child's flags (SEND, non-verbal…) on an open referral. */
    FLAGS_CHANGED("flags changed", Subject.REFERRAL),
    /** Information was asked of a partner agency. */
    PARTNER_REQUESTED("information requested", Subject.PARTNER_REQUEST),
    /** A partner was chased for an answer. */
    PARTNER_CHASED("chased", Subject.PARTNER_REQUEST),
    /** A partner answered, or said it holds no information. */
    PARTNER_ANSWERED("answered", Subject.PARTNER_REQUEST);

    /** Which field of a {@link BoardEvent} carries what the event is about. */
    public enum Subject { REFERRAL, STAFF, SHIFT, ALLOCATION, PARTNER_REQUEST }

    private final String verb;
    private final Subject subject;

    BoardEventType(String verb, Subject subject) {
        this.verb = verb;
        this.subject = subject;
    }

    /** The word a ticker line uses for it. */
    public String verb() {
        return verb;
    }

    /** What the event is about, and so which of its fields is set. */
    public Subject subject() {
        return subject;
    }
}
