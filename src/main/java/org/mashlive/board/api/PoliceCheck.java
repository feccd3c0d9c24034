package org.mashlive.board.api;

/** Where a referral's police checks stand. Every police notification needs them. */
public enum PoliceCheck {
    /** Not a police notification: no check is due. */
    NOT_NEEDED,
    /** Checks are waiting to be done by a MASH police officer. */
    WAITING,
    /** Checks are done. */
    DONE
}
