package org.mashlive.allocation;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The people work can be allocated to, as allocation needs to know them. */
public interface People {

    /** The person with this id, or empty. */
    Mono<Person> find(long staffId);

    /** Everyone currently employed, in a stable order. */
    Flux<Person> all();

    /**
     * A person now.
     *
     * @param id             their staff id
     * @param displayName    e.g. {@code J. Patel}
     * @param role           their role's name, e.g. {@code SOCIAL_WORKER}
     * @param active         still employed
     * @param onShift        on shift at this moment
     * @param onBreak        on shift but on a break
     * @param nextShiftStart when their next shift starts, when off shift (null if none planned)
     */
    record Person(long id, String displayName, String role, boolean active, boolean onShift, boolean onBreak,
                  Instant nextShiftStart) {
    }
}
