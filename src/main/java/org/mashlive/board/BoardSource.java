package org.mashlive.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.TimescaleInfo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the board reads from the modules that own the data when it assembles a snapshot. Each
 * call runs in the board's read-only, repeatable-read transaction, so what they return is
 * consistent with the sequence number read in the same transaction.
 *
 * <p>Each module implements the part it owns and leaves the rest to the defaults, which
 * contribute nothing: the board depends on no module that feeds it.
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

    /** Health contacts received on {@code day} (the hub's zone), by the part of health they came from. */
    default Mono<Map<String, Integer>> healthArrivalsOn(LocalDate day) {
        return Mono.just(Map.of());
    }

    /** Contacts received on {@code day} (the hub's zone) for information only, needing no decision. */
    default Mono<Integer> informationOnlyOn(LocalDate day) {
        return Mono.just(0);
    }

    /** The timescales in force, for the board's labels. */
    default List<TimescaleInfo> timescales() {
        return List.of();
    }

    /** The people in post. */
    default Flux<StaffCard> staff() {
        return Flux.empty();
    }

    /** The shifts of the people in post that end after {@code after}. */
    default Flux<ShiftCard> shiftsEndingAfter(Instant after) {
        return Flux.empty();
    }

    /** Who works each case, including cases already done (the board keeps those of open work). */
    default Flux<org.mashlive.board.api.AllocationCard> allocations() {
        return Flux.empty();
    }

    /**
     * The settings a board reads the rota with, as of {@code now}; null when this source does not
     * own them (the board then uses {@link RotaSettings#DEFAULT}).
     */
    default RotaSettings rotaSettings(Instant now) {
        return null;
    }

    /** The partner requests still waiting, of open referrals. */
    default Flux<org.mashlive.board.api.PartnerRequestCard> waitingPartnerRequests() {
        return Flux.empty();
    }
}
