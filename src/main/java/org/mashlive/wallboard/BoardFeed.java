package org.mashlive.wallboard;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.RotaSettings;

import reactor.core.publisher.Flux;

/** What a board view needs from the live board: the figures, whether they are current, and when they change. */
public interface BoardFeed {

    /**
     * Reads the current board under its lock. {@code reader} must be quick and must not keep a
     * reference to the state: it is changed in place after the lock is released.
     *
     * @return what {@code reader} returned, or empty while no snapshot has arrived yet
     */
    <T> Optional<T> read(Function<BoardState, T> reader);

    /**
     * The hub's zone, from the calendar configuration the backend carries in every snapshot: the
     * board's day and every time a view shows are in it. Before the first snapshot, the zone of
     * {@link RotaSettings#DEFAULT}.
     */
    default ZoneId zone() {
        return read(BoardState::zone).orElse(RotaSettings.DEFAULT.coreHours().zone());
    }

    /** Whether the board is hearing from the backend now. */
    Liveness liveness();

    /**
     * A signal each time the state or the liveness changes; hot, never completes while the feed
     * runs, emitted on the thread that made the change. Slow subscribers miss signals rather than
     * hold the feed up, so a subscriber must read the state afresh on each signal it gets. Each
     * says whether it was routine ({@link Change#routine()}).
     */
    Flux<Change> changes();
}
