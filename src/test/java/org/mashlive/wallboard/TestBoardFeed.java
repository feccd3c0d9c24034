package org.mashlive.wallboard;

import java.util.Optional;
import java.util.function.Function;

import org.mashlive.board.api.BoardState;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** A board feed a test sets by hand. */
public final class TestBoardFeed implements BoardFeed {

    private volatile BoardState state;
    private volatile Liveness liveness = Liveness.LIVE;
    private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();
    private long revision;

    public synchronized void set(BoardState state, Liveness liveness) {
        this.state = state;
        this.liveness = liveness;
        changes.tryEmitNext(new Change(++revision, false));
    }

    /** Applies {@code event} to the state and signals the change, routine or not, as the board connection would. */
    public synchronized void apply(org.mashlive.board.api.BoardEvent event, boolean routine) {
        state.apply(event);
        changes.tryEmitNext(new Change(++revision, routine));
    }

    @Override
    public synchronized <T> Optional<T> read(Function<BoardState, T> reader) {
        return state == null ? Optional.empty() : Optional.ofNullable(reader.apply(state));
    }

    @Override
    public Liveness liveness() {
        return liveness;
    }

    @Override
    public Flux<Change> changes() {
        return changes.asFlux();
    }

    public int subscribers() {
        return changes.currentSubscriberCount();
    }
}
