package org.mashlive.board.api;

/** What happened, in the past tense. */
public enum BoardEventType {
    REFERRAL_RECEIVED("received"),
    RAG_CHANGED("re-rated"),
    STAGE_CHANGED("moved"),
    REFERRAL_DECIDED("decided"),
    POLICE_CHECK_DONE("police checks done"),
    ALLOCATION_CHANGED("allocated");

    private final String verb;

    BoardEventType(String verb) {
        this.verb = verb;
    }

    /** The word a ticker line uses for it. */
    public String verb() {
        return verb;
    }
}
