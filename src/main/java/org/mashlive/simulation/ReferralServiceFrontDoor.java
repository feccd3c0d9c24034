package org.mashlive.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.mashlive.board.api.BoardState;
import org.mashlive.referral.NewReferral;
import org.mashlive.referral.ReferralClosedException;
import org.mashlive.referral.ReferralNotFoundException;
import org.mashlive.referral.ReferralService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The front door as {@link ReferralService} runs it: one transaction, with its board event, per call. */
@Component
class ReferralServiceFrontDoor implements FrontDoor {

    private final ReferralService referrals;
    private final Clock clock;

    ReferralServiceFrontDoor(ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Override
    public Mono<Received> receive(NewReferral contact, Instant at) {
        return (at == null ? referrals.receive(contact) : referrals.receive(contact, at))
                .map(received -> new Received(received.referral().id(), received.created()));
    }

    @Override
    public Mono<Boolean> apply(long id, Plan.Action action, Instant at) {
        var done = switch (action) {
            case Plan.Move move -> at == null ? referrals.moveTo(id, move.stage()) : referrals.moveTo(id, move.stage(), at);
            case Plan.Rate rate -> at == null
                    ? referrals.rate(id, rate.rag(), rate.reason())
                    : referrals.rate(id, rate.rag(), rate.reason(), at);
            case Plan.Decide decide -> at == null
                    ? referrals.decide(id, decide.outcome())
                    : referrals.decide(id, decide.outcome(), at);
        };
        return done.thenReturn(true)
                .onErrorResume(e -> e instanceof ReferralClosedException || e instanceof ReferralNotFoundException,
                        e -> Mono.just(false));
    }

    @Override
    public Flux<OpenReferral> open() {
        return referrals.open()
                .map(r -> new OpenReferral(r.id(), r.stage(), r.rag(), r.child(), r.receivedAt()));
    }

    /**
     * No open referral, and no first reference this year or last: references are numbered per
     * year without gaps (the counter rolls back with a refused intake), so a database that ever
     * held a referral recently has {@code MASH-<year>-000001}.
     */
    @Override
    public Mono<Boolean> empty() {
        int year = LocalDate.ofInstant(clock.instant(), BoardState.LONDON).getYear();
        return referrals.open().hasElements()
                .flatMap(any -> any ? Mono.just(false) : Flux.just(year, year - 1)
                        .concatMap(y -> referrals.find("MASH-%d-000001".formatted(y)).hasElement()
                                .onErrorResume(ReferralNotFoundException.class, e -> Mono.just(false)))
                        .any(Boolean::booleanValue)
                        .map(found -> !found));
    }
}
