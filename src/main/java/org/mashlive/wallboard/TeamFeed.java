package org.mashlive.wallboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.TeamBoard;
import reactor.core.publisher.Flux;

/**
 * One team's board over the hub's feed: the same liveness and change signals, the state narrowed to
 * the team ({@link TeamBoard}). The narrowed state is built again only when the hub's sequence
 * moves on, so a team board costs one copy per change, not one per read. See
 * docs/decisions/0030-kiosk-tokens-on-a-screen-and-boards-per-team.md for why the wall-board narrows
 * what it already holds rather than asking the backend for a stream per team.
 *
 * <p>One per view: {@link #read} is called on the view's UI thread only, as the hub's state is read
 * under its own lock inside.
 */
public final class TeamFeed implements BoardFeed {

    private final BoardFeed hub;
    private final String team;
    private final Clock clock;
    private BoardState narrowed;
    private long seq = -1;

    public TeamFeed(BoardFeed hub, String team, Clock clock) {
        this.hub = hub;
        this.team = team;
        this.clock = clock;
    }

    /** The team this feed shows. */
    public String team() {
        return team;
    }

    /** The whole hub's figures, for the team's board to show beside its own. */
    public Optional<TeamBoard.Hub> hubFigures() {
        return hub.read(state -> TeamBoard.Hub.of(state, clock.instant()));
    }

    @Override
    public synchronized <T> Optional<T> read(Function<BoardState, T> reader) {
        var current = hub.read(state -> {
            if (narrowed == null || state.seq() != seq || !java.util.Objects.equals(state.day(), narrowed.day())) {
                narrowed = BoardState.from(TeamBoard.of(state.snapshot(clock.instant()), team));
                seq = state.seq();
            }
            return narrowed;
        });
        return current.map(reader);
    }

    @Override
    public ZoneId zone() {
        return hub.zone();
    }

    @Override
    public Liveness liveness() {
        return hub.liveness();
    }

    @Override
    public Flux<Change> changes() {
        return hub.changes();
    }
}
