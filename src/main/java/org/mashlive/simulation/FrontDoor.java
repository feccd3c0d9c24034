package org.mashlive.simulation;

import java.time.Instant;
import java.util.List;

import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.mashlive.referral.Child;
import org.mashlive.referral.NewReferral;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the simulator needs of the front door: the real intake and screening path, narrowed so the
 * runner can be tested against a recording fake.
 */
interface FrontDoor {

    /**
     * Takes in {@code contact}, received at {@code at}, or now when {@code at} is null. Emits the
     * referral's id and whether this call created it (false: its external reference was known).
     */
    Mono<Received> receive(NewReferral contact, Instant at);

    /**
     * Applies {@code action} to referral {@code id}, done at {@code at}, or now when null. Emits
     * true when applied, false when the referral is decided or gone (someone else closed it), and
     * errors for anything else.
     */
    Mono<Boolean> apply(long id, Plan.Action action, Instant at);

    /** Every open referral, oldest first. */
    Flux<OpenReferral> open();

    /** Emits whether the front door has never held a referral. */
    Mono<Boolean> empty();

    /**
     * The answer to an intake: the referral of its (first) child, and the referrals this call made
     * of the other children a household contact names.
     */
    record Received(long id, boolean created, List<Long> siblings) {

        Received(long id, boolean created) {
            this(id, created, List.of());
        }
    }

    /** An open referral as a restarted simulator finds it. */
    record OpenReferral(long id, Stage stage, Rag rag, Child child, Instant receivedAt) {
    }
}
