package org.mashlive.board.api;

/** The kinds of work a person can be allocated. */
public enum WorkType {
    /** A referral to screen and decide. */
    REFERRAL,
    /** A police check on a police notification, worked by a MASH police officer. */
    POLICE_CHECK
}
