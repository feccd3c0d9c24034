package org.mashlive.wallboard;

/**
 * One change a {@link BoardFeed} signals: its revision, counting from one, and whether it is
 * routine. A routine change only moved the figures of information asked of partners (asked,
 * chased, answered), which the wall-board shows as counts on one tile and never on the ticker; any
 * other change, a snapshot, or the feed going stale or live again is not routine. A wall-board short
 * of pushes shows a routine change a little late, so that its pushes go to the changes a hub acts
 * on first (see {@link PushPacing}).
 */
public record Change(long revision, boolean routine) {

    /** Whether {@code signal} is a routine change: a test for {@link PushPacing}'s routine signals. */
    public static boolean isRoutine(Object signal) {
        return signal instanceof Change change && change.routine();
    }
}
