package org.mashlive.wallboard.board;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.mashlive.board.api.Flag;
import org.mashlive.board.api.ReferralCard;

/**
 * For each child flag, how many open referrals carry it and how many of those are past their
 * timescale: counts only, never which children.
 */
record FlagFigures(Map<Flag, Count> counts) {

    /** One flag's open referrals and those of them late. */
    record Count(int open, int late) {
    }

    static final FlagFigures NONE = new FlagFigures(Map.of());

    FlagFigures {
        counts = Map.copyOf(counts);
    }

    static FlagFigures of(Collection<ReferralCard> open, Instant now) {
        var open1 = new EnumMap<Flag, Integer>(Flag.class);
        var late = new EnumMap<Flag, Integer>(Flag.class);
        for (var card : open) {
            if (!card.open()) {
                continue;
            }
            boolean breached = card.breachedAt(now);
            for (var flag : card.flags()) {
                open1.merge(flag, 1, Integer::sum);
                if (breached) {
                    late.merge(flag, 1, Integer::sum);
                }
            }
        }
        var counts = new EnumMap<Flag, Count>(Flag.class);
        for (var flag : Flag.values()) {
            counts.put(flag, new Count(open1.getOrDefault(flag, 0), late.getOrDefault(flag, 0)));
        }
        return new FlagFigures(counts);
    }

    Count of(Flag flag) {
        return counts.getOrDefault(flag, new Count(0, 0));
    }
}
