package org.mashlive.allocation;

import org.mashlive.board.BoardSource;
import org.mashlive.board.api.AllocationCard;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** What the board reads of allocations when it assembles a snapshot. */
@Component
class AllocationBoardSource implements BoardSource {

    private final AllocationRepository allocations;
    private final People people;

    AllocationBoardSource(AllocationRepository allocations, People people) {
        this.allocations = allocations;
        this.people = people;
    }

    @Override
    public Flux<AllocationCard> allocations() {
        return people.all().collectMap(People.Person::id, People.Person::displayName)
                .flatMapMany(names -> allocations.all().map(row -> new AllocationCard(row.type(), row.workId(),
                        row.reference(), row.staffId(), names.getOrDefault(row.staffId(), "staff " + row.staffId()),
                        row.version(), row.allocatedAt(), row.allocatedBy())));
    }
}
