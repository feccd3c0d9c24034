package org.mashlive.wallboard;

import org.mashlive.board.api.BoardEventType;

/**
 * One change a {@link BoardFeed} signals: its revision, counting from one, and whether it is
 * routine. A routine change only moved work already on the board along: a referral's stage, its
 * police checks, its decision, who it is allocated to, its flags, or the figures of information asked
 * of partners ({@link #routine(BoardEventType)}). A new contact, a change of RAG rating, a change of
 * who is on site or on duty, a snapshot, a new day, or the feed going stale or live again is not
 * routine. A wall-board short of pushes shows a routine change a little late, so that its pushes go
 * to new work and to changed risk first (see {@link PushPacing}).
 */
public record Change(long revision, boolean routine) {

    /**
     * Whether an event of {@code type} is routine: it moves along work the board already shows. Every
     * type is named, so a new one must be placed.
     */
    public static boolean routine(BoardEventType type) {
        return switch (type) {
            case REFERRAL_RECEIVED, RAG_CHANGED, STAFF_CHANGED, SHIFT_ADDED, SHIFT_REMOVED -> false;
            case STAGE_CHANGED, POLICE_CHECK_DONE, REFERRAL_DECIDED, DECISION_AWAITING_SIGN_OFF, DECISION_RETURNED,
                 FLAGS_CHANGED, ALLOCATION_CHANGED, PARTNER_REQUESTED, PARTNER_CHASED, PARTNER_ANSWERED -> true;
        };
    }

    /** Whether {@code signal} is a routine change: a test for {@link PushPacing}'s routine signals. */
    public static boolean isRoutine(Object signal) {
        return signal instanceof Change change && change.routine();
    }
}
