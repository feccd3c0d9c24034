package org.mashlive.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.capacity.api.PartnerRequests;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Partner information requests outstanding, read from the board this instance keeps (no query):
 * police checks waiting on open police notifications, aged from when the notification came in.
 * Only the police are reported; health and education checks are not tracked by any module yet, so
 * they report nothing rather than a made-up zero.
 */
@Component
class BoardPartnerRequests implements PartnerRequestFigures {

    /** The {@code partner} label of police checks. */
    static final String POLICE = "police";

    private final LiveBoard board;

    BoardPartnerRequests(LiveBoard board) {
        this.board = board;
    }

    /** The police checks waiting at {@code now}; nothing while the board has not loaded. */
    @Override
    public Flux<PartnerRequests> outstanding(Instant now) {
        List<ReferralCard> waiting = board.read(state -> state.checksWaiting());
        return waiting == null ? Flux.empty() : Flux.just(police(waiting, now));
    }

    /** The police checks of {@code waiting} at {@code now}: how many, and how long the oldest has waited. */
    static PartnerRequests police(List<ReferralCard> waiting, Instant now) {
        var oldest = waiting.stream().map(ReferralCard::receivedAt).min(Instant::compareTo)
                .map(since -> since.isAfter(now) ? Duration.ZERO : Duration.between(since, now))
                .orElse(Duration.ZERO);
        return new PartnerRequests(POLICE, waiting.size(), oldest);
    }
}
