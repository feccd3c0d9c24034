package org.mashlive.staff;

import java.time.Instant;

import org.mashlive.board.BoardSource;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffCard;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** What the board reads of the staff module: the people in post, their shifts, the rota settings. */
@Component
class StaffBoardSource implements BoardSource {

    private final StaffRepository repository;
    private final StaffService staff;

    StaffBoardSource(StaffRepository repository, StaffService staff) {
        this.repository = repository;
        this.staff = staff;
    }

    @Override
    public Flux<StaffCard> staff() {
        return repository.people(false).map(Person::card);
    }

    @Override
    public Flux<ShiftCard> shiftsEndingAfter(Instant after) {
        return repository.shiftsOfActiveEndingAfter(after).map(Shift::card);
    }

    @Override
    public RotaSettings rotaSettings(Instant now) {
        return staff.rotaSettings(now);
    }
}
