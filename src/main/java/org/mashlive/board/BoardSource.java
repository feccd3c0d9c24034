package org.mashlive.board;

import java.time.LocalDate;
import java.util.Map;

import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.TimescaleInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the board reads from the modules that own the data when it assembles a snapshot. Each
 * call runs in the board's read-only, repeatable-read transaction, so what they return is
 * consistent with the sequence number read in the same transaction.
 */
public interface BoardSource {

    /** Every open referral as the board may show it. */
    default Flux<ReferralCard> openReferrals() {
        return Flux.empty();
    }

    /** Contacts received on {@code day} (Europe/London), by source. */
    default Mono<Map<Source, Integer>> arrivalsOn(LocalDate day) {
        return Mono.just(Map.of());
    }

    /** The timescales in force, for the board's labels. */
    default java.util.List<TimescaleInfo> timescales() {
        return java.util.List.of();
    }

    /** Who works each open case. */
    default Flux<org.mashlive.board.api.AllocationCard> allocations() {
        return Flux.empty();
    }
}
