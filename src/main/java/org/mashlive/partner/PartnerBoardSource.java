package org.mashlive.partner;

import org.mashlive.board.BoardSource;
import org.mashlive.board.api.PartnerRequestCard;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** What the board reads of partner requests when it assembles a snapshot: those still waiting. */
@Component
class PartnerBoardSource implements BoardSource {

    private final PartnerRequests requests;

    PartnerBoardSource(PartnerRequests requests) {
        this.requests = requests;
    }

    @Override
    public Flux<PartnerRequestCard> waitingPartnerRequests() {
        return requests.waiting();
    }
}
