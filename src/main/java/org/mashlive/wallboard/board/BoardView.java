package org.mashlive.wallboard.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardState;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.CapacityFeed;
import org.mashlive.wallboard.PushPacing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import reactor.core.Disposable;

/**
 * The kiosk wall-board: a header with the hub, the time and whether the figures are live, and one
 * tile each for open referrals by stage and RAG, the oldest waiting per RAG, breaches, today's
 * arrivals by source, capacity, the police desk, out-of-hours cover and a ticker of recent events.
 * It shows counts, ages and references, never who a child is.
 *
 * <p>The tiles are built once; each refresh changes only the texts that differ. A UI is pushed at
 * most every {@link #BATCH}, and on a {@link #TICK} so the clock, ages and stale text move on when
 * nothing happens. The layout scales with the screen it is on (see {@code wallboard.css}).
 */
@Route("board")
@RouteAlias("")
@RolesAllowed({Access.BOARD, Access.HUB_MANAGER, Access.DUTY_LEAD, Access.SERVICE_HEAD, Access.ADMIN, Access.FRONT_DOOR})
@PageTitle("Stronger Families Hub · MASH live board")
class BoardView extends Main {

    static final Duration BATCH = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofSeconds(5);

    private final BoardFeed feed;
    private final Clock clock;
    private final BoardHeader header = new BoardHeader();
    private final List<Tile> tiles;

    private Disposable pushes;

    BoardView(BoardFeed feed, CapacityFeed capacity, Clock clock) {
        this.feed = feed;
        this.clock = clock;
        setId("board");
        addClassName("board");
        tiles = List.of(new StageRagTile(), new OldestTile(), new BreachesTile(), new ArrivalsTile(),
                new CapacityTile(capacity), new PoliceDeskTile(), new OutOfHoursTile(), new TickerTile());
        var grid = new Div(header);
        grid.addClassName("board-grid");
        tiles.forEach(grid::add);
        add(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
        stopPushes();
        pushes = PushPacing.refreshing(event.getUI(), feed.changes(), BATCH, TICK, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPushes();
        super.onDetach(event);
    }

    private void stopPushes() {
        if (pushes != null) {
            pushes.dispose();
            pushes = null;
        }
    }

    /** Brings every tile up to date with the feed at the clock's current instant. */
    void refresh() {
        Instant now = clock.instant();
        var liveness = feed.liveness();
        var figures = feed.read(state -> BoardFigures.of(state, now, BreachesTile.MAX_SHOWN, TickerTile.MAX_SHOWN));
        header.render(liveness, now, figures.isEmpty());
        setClassName("is-stale", !liveness.live());
        var shown = figures.orElseGet(() -> BoardFigures.empty(LocalDate.ofInstant(now, BoardState.LONDON)));
        tiles.forEach(tile -> tile.render(shown, now));
    }
}
