package org.mashlive.board.api;

/** Where a contact is in the front door, in the order it moves through them. */
public enum Stage {
    RECEIVED("Received"),
    SCREENING("Screening"),
    INFORMATION_GATHERING("Information gathering"),
    AWAITING_DECISION("Awaiting decision"),
    /**
     * Taken in for information only: the hub is told something (a notification for its records)
     * and no decision is needed, so it never waits and never breaches; counted apart.
     */
    INFORMATION_ONLY("Information only"),
    DECIDED("Decided");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a contact in this stage is still open, that is waiting for a decision. */
    public boolean open() {
        return this != DECIDED && this != INFORMATION_ONLY;
    }
}
