package org.mashlive.wallboard.board;

import java.util.HashSet;
import java.util.Set;

/**
 * When the board's chime sounds: once for each referral that newly breaches, never again for the
 * same referral while it is open, and not at all for the breaches a board found on opening, nor for
 * those that breach while the board is stale or the chime is off or muted (they are counted as
 * heard, so they do not chime later either: a chime means "this just happened").
 */
final class ChimeRule {

    // the breaches heard of, kept while their referrals are open
    private final Set<Long> heard = new HashSet<>();
    private boolean started;

    /**
     * Takes the board as it stands and says whether to chime.
     *
     * @param breached the ids of the referrals breached now
     * @param open     the ids of every open referral (a decided one is forgotten)
     * @param audible  whether a chime may sound now: sound on, not muted, the board live
     * @return whether to chime once now
     */
    boolean next(Set<Long> breached, Set<Long> open, boolean audible) {
        heard.retainAll(open);
        boolean fresh = !heard.containsAll(breached);
        heard.addAll(breached);
        if (!started) {
            started = true;
            return false;
        }
        return fresh && audible;
    }
}
