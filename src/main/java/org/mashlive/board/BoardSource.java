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
    Flux<ReferralCard> openReferrals();

    /** Contacts received on {@code day} (Europe/London), by source. */
    Mono<Map<Source, Integer>> arrivalsOn(LocalDate day);

    /** The timescales in force, for the board's labels. */
    java.util.List<TimescaleInfo> timescales();
}
