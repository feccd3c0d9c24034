package org.mashlive.capacity;

import java.time.Instant;

import org.mashlive.allocation.AllocationService;
import org.mashlive.staff.StaffService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The staffing figures from the staff module (people in post, their FTE, the establishment and the
 * rota) and the allocation module (open cases per person), computed by {@link Staffing}. Three
 * small queries of the staff tables per call; the caseloads come from the live board.
 */
@Component
class StaffWorkforceFigures implements WorkforceFigures {

    private final StaffService staff;
    private final AllocationService allocation;

    StaffWorkforceFigures(StaffService staff, AllocationService allocation) {
        this.staff = staff;
        this.allocation = allocation;
    }

    /** The figures at {@code now}; empty while the hub has neither people in post nor funded posts. */
    @Override
    public Mono<Workforce> at(Instant now) {
        return Mono.zip(staff.people(false).collectList(), staff.establishment(), staff.rota(now),
                        allocation.caseloads())
                .filter(all -> !all.getT1().isEmpty() || all.getT2().fundedFte().signum() > 0)
                .map(all -> Staffing.at(now, all.getT1(), staff::fteOf, all.getT2(), all.getT3(), all.getT4()));
    }
}
