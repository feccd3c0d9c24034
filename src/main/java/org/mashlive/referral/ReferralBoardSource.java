package org.mashlive.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mashlive.board.BoardSource;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.TimescaleInfo;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the board reads of referrals: cards, never identifying detail. */
@Component
class ReferralBoardSource implements BoardSource {

    private final ReferralService referrals;
    private final TimescalePolicy timescales;

    ReferralBoardSource(ReferralService referrals, TimescalePolicy timescales) {
        this.referrals = referrals;
        this.timescales = timescales;
    }

    @Override
    public Flux<ReferralCard> openReferrals() {
        return referrals.open().map(Referral::card);
    }

    @Override
    public Mono<Map<Source, Integer>> arrivalsOn(LocalDate day) {
        return referrals.arrivalsOn(day);
    }

    @Override
    public Mono<Map<String, Integer>> healthArrivalsOn(LocalDate day) {
        return referrals.healthArrivalsOn(day);
    }

    @Override
    public Mono<Integer> informationOnlyOn(LocalDate day) {
        return referrals.informationOnlyOn(day);
    }

    @Override
    public List<TimescaleInfo> timescales() {
        return timescales.timescales();
    }
}
