package org.mashlive.wallboard.duty;

import java.util.HashSet;
import java.util.List;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.PartnerRequestCard;

/** The queue's "waiting on partners" filter: referrals with a request to a partner not yet answered. */
final class PartnerFilter {

    private PartnerFilter() {
    }

    /** Those of {@code rows} (in their order) whose referral waits on a partner in {@code state}. */
    static List<DutyQueue.Row> waiting(BoardState state, List<DutyQueue.Row> rows) {
        var waiting = new HashSet<Long>();
        for (PartnerRequestCard request : state.partnerRequests()) {
            if (request.open()) {
                waiting.add(request.referralId());
            }
        }
        return rows.stream().filter(row -> waiting.contains(row.card().id())).toList();
    }
}
