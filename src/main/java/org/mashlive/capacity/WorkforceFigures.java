package org.mashlive.capacity;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Where the capacity figures learn the hub's staffing: people, roles, establishment, vacancies,
 * shifts, presence and out-of-hours cover belong to the module that keeps the rota. That module
 * provides one bean of this type; until it does, {@link #NONE} is used and the staffing meters
 * ({@code mash_staff_*}, {@code mash_open_referrals_per_available_worker},
 * {@code mash_ooh_cover_gap_seconds}) report no series at all rather than made-up values.
 */
public interface WorkforceFigures {

    /** Reports nothing: no staffing is known. */
    WorkforceFigures NONE = now -> Mono.empty();

    /**
     * The staffing at {@code now}. Called every {@code mash.capacity.refresh} and for each
     * {@code capacity.summary}; must not block.
     *
     * @return the figures, or empty when none are known
     */
    Mono<Workforce> at(Instant now);
}
