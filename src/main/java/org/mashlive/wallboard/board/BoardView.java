package org.mashlive.wallboard.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.CapacityFeed;
import org.mashlive.wallboard.HubTeams;
import org.mashlive.wallboard.KioskScreen;
import org.mashlive.wallboard.TeamFeed;
import org.mashlive.wallboard.KioskScreens;
import org.mashlive.wallboard.shell.KioskRevokedPage;
import org.mashlive.wallboard.shell.ShellSettings;
import org.mashlive.wallboard.PushPacing;
import org.mashlive.wallboard.WarningWindows;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import reactor.core.Disposable;

/**
 * The kiosk wall-board: a header with the hub, the time and whether the figures are live, and one
 * tile each for open referrals by stage and RAG, the oldest waiting per RAG, breaches, today's
 * arrivals by source, capacity, the police desk, out-of-hours cover, decisions, the partners the hub is
 * waiting on, and a ticker of recent events.
 * It shows counts, ages and references, never who a child is.
 *
 * <p>The tiles are built once; each refresh changes only the texts that differ. A UI is pushed at
 * once a change arrives after a quiet spell, then at most every {@link #BATCH} while changes keep coming, and
 * on a {@link #TICK} so the clock, ages and stale text move on when
 * nothing happens. A change that only moves along work already on the board (a stage, a decision,
 * an allocation, the partner figures) waits, less than a second, for a push that new contacts and
 * changes of RAG can spare ({@link org.mashlive.wallboard.Change#routine()}). The layout scales with
 * the screen it is on (see {@code wallboard.css}).
 */
@Route("board")
@RouteAlias("")
@RolesAllowed({Access.BOARD, Access.HUB_MANAGER, Access.DUTY_LEAD, Access.SERVICE_HEAD, Access.ADMIN, Access.FRONT_DOOR})
class BoardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final Duration BATCH = Duration.ofMillis(250);
    static final Duration TICK = Duration.ofSeconds(5);

    /** The whole hub's board, as the wall-board keeps it. */
    private final BoardFeed hub;
    /** What this board shows: the hub's, or one team's part of it ({@link TeamFeed}). */
    private BoardFeed feed;
    /** The hub's teams, as last read; empty while not known, when any team asked for is taken. */
    private final java.util.function.Supplier<List<String>> teams;
    private final Clock clock;
    private final WarningWindows windows;
    private final SoundControl sound;
    private final BoardHeader header;
    private final String title;
    private final List<Tile> tiles;

    /** The kiosk screen showing this board, or null for a person's. */
    private final KioskScreen kiosk;
    private final KioskScreens kiosks;
    private boolean revoked;
    /** Why the whole hub is shown although a team was asked for, or null. */
    private String scopeNote;
    private boolean sentAway;

    private Disposable pushes;

    BoardView(BoardFeed feed, CapacityFeed capacity, Clock clock, ShellSettings settings) {
        this(feed, capacity, clock, settings, WarningWindows.DEFAULT,
                new BoardSound((AuthenticationContext) null, clock), KioskScreens.NONE, List::of);
    }

    /**
     * @param kiosks whether a kiosk screen's token is still in force: the board of a screen whose
     *               token is revoked leaves for the "revoked" page at its next refresh
     * @param teams  the hub's teams, for {@code ?team=…}
     */
    @Autowired
    BoardView(BoardFeed feed, CapacityFeed capacity, Clock clock, ShellSettings settings, WarningWindows windows,
              BoardSound sound, KioskScreens kiosks, HubTeams teams) {
        this(feed, capacity, clock, settings, windows, sound, kiosks, teams::names);
    }

    BoardView(BoardFeed feed, CapacityFeed capacity, Clock clock, ShellSettings settings, WarningWindows windows,
              BoardSound sound, KioskScreens kiosks, java.util.function.Supplier<List<String>> teams) {
        this.kiosk = KioskScreens.signedIn().orElse(null);
        this.kiosks = kiosks;
        this.hub = feed;
        this.teams = teams;
        this.header = new BoardHeader(settings.hubName());
        this.title = settings.hubName() + " · MASH live board";
        this.feed = feed;
        this.windows = windows;
        this.sound = new SoundControl(sound);
        this.sound.afterChange(this::refresh);
        header.addRight(this.sound);
        this.clock = clock;
        setId("board");
        addClassName("board");
        if (kiosk != null && kiosk.team() != null) {
            // a token bound to a team shows that team's board, whatever its address asks
            showTeam(kiosk.team());
        }
        tiles = List.of(new StageRagTile(), new OldestTile(), new BreachesTile(capacity), new ArrivalsTile(new Shown()),
                new CapacityTile(capacity), new PoliceDeskTile(), new OutOfHoursTile(), new TickerTile(),
                new DecisionsTile(new Shown()), new FlagsTile(new Shown()), new PartnersTile(new Shown()));
        var grid = new Div(header);
        grid.addClassName("board-grid");
        tiles.forEach(grid::add);
        add(grid);
        refresh();
    }

    /**
     * {@code ?sound=on} on the board's address turns the chime on for this screen; {@code ?team=…}
     * shows that team's board, unless a kiosk token bound to a team decides it.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var asked = parameters.getOrDefault("sound", List.of());
        sound.soundOn(asked.contains("on"));
        if (kiosk != null && kiosk.team() != null) {
            return;
        }
        String team = parameters.getOrDefault("team", List.of()).stream().filter(name -> !name.isBlank())
                .map(String::strip).findFirst().orElse(null);
        var known = teams.get();
        if (team == null) {
            showHub(null);
        } else if (!known.isEmpty() && !known.contains(team)) {
            showHub("No team \u201c" + team + "\u201d here: the whole hub's board");
        } else {
            showTeam(team);
        }
        refresh();
    }

    private void showTeam(String team) {
        feed = new TeamFeed(hub, team, clock);
        addClassName("team-board");
    }

    private void showHub(String note) {
        feed = hub;
        scopeNote = note;
        removeClassName("team-board");
    }

    /** The team shown, or null for the whole hub. */
    String team() {
        return feed instanceof TeamFeed team ? team.team() : null;
    }

    /** The feed this board shows now, for tiles made before the team was known. */
    private final class Shown implements BoardFeed {

        @Override
        public <T> java.util.Optional<T> read(java.util.function.Function<org.mashlive.board.api.BoardState, T> reader) {
            return feed.read(reader);
        }

        @Override
        public ZoneId zone() {
            return feed.zone();
        }

        @Override
        public org.mashlive.wallboard.Liveness liveness() {
            return feed.liveness();
        }

        @Override
        public reactor.core.publisher.Flux<org.mashlive.wallboard.Change> changes() {
            return feed.changes();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
        stopPushes();
        if (revoked) {
            return;
        }
        pushes = PushPacing.refreshing(event.getUI(), feed.changes(), org.mashlive.wallboard.Change::isRoutine, BATCH, TICK,
                this::refresh);
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

    @Override
    public String getPageTitle() {
        return title;
    }

    /**
     * Brings every tile up to date with the feed at the clock's current instant; for a kiosk screen
     * whose token has been revoked, leaves for the "revoked" page instead. A refresh comes at least
     * every {@link #TICK}, so a revoked screen leaves within that of this wall-board learning of it.
     */
    void refresh() {
        if (kiosk != null && (revoked || !kiosks.inForce(kiosk))) {
            leave();
            return;
        }
        Instant now = clock.instant();
        var liveness = feed.liveness();
        var figures = feed.read(state -> BoardFigures.of(state, now, BreachesTile.MAX_SHOWN, TickerTile.MAX_SHOWN,
                windows));
        ZoneId zone = feed.zone();
        header.render(liveness, now, zone, figures.isEmpty());
        if (feed instanceof TeamFeed team) {
            header.scope(team.team(), team.hubFigures().orElse(null), null);
        } else {
            header.scope(null, null, scopeNote);
        }
        setClassName("is-stale", !liveness.live());
        var shown = figures.orElseGet(() -> BoardFigures.empty(LocalDate.ofInstant(now, zone), zone));
        tiles.forEach(tile -> tile.render(shown, now));
        var ids = feed.read(state -> new Ids(
                state.breaches(now).stream().map(ReferralCard::id).collect(Collectors.toSet()),
                state.open().stream().map(ReferralCard::id).collect(Collectors.toSet())));
        sound.render(ids.map(Ids::breached).orElse(null), ids.map(Ids::open).orElse(Set.of()), liveness.live(), now,
                zone);
    }

    /** Sends the screen to the "revoked" page, once: the page's own request then drops the cookie. */
    private void leave() {
        revoked = true;
        stopPushes();
        if (!sentAway) {
            getUI().ifPresent(ui -> {
                ui.getPage().setLocation(KioskRevokedPage.PATH.substring(1));
                sentAway = true;
            });
        }
    }

    /** The ids of the referrals breached now and of every open one. */
    private record Ids(Set<Long> breached, Set<Long> open) {
    }

    /** The chime's control, for tests. */
    SoundControl sound() {
        return sound;
    }
}
