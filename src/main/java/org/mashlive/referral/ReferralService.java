package org.mashlive.referral;

import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Intake and screening of referrals. Every change commits with its board event, or not at all. */
public class ReferralService {

    /** The answer to an intake: the referral, and whether this call created it. */
    public record Received(Referral referral, boolean created) {
    }

    public Mono<Received> receive(NewReferral contact) {
        return Mono.error(new UnsupportedOperationException("not yet built"));
    }

    public Mono<Referral> rate(long id, Rag rag, String reason) {
        return Mono.error(new UnsupportedOperationException("not yet built"));
    }

    public Mono<Referral> moveTo(long id, Stage stage) {
        return Mono.error(new UnsupportedOperationException("not yet built"));
    }

    public Mono<Referral> decide(long id, Outcome outcome) {
        return Mono.error(new UnsupportedOperationException("not yet built"));
    }

    public Mono<Referral> find(long id) {
        return Mono.error(new UnsupportedOperationException("not yet built"));
    }

    public Flux<Referral> open() {
        return Flux.error(new UnsupportedOperationException("not yet built"));
    }
}
