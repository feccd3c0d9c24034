package org.mashlive.wallboard.board;

import java.time.Clock;
import java.util.Optional;

import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.CapacityFeed;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.flow.component.Component;

/**
 * The feed, capacity and clock that browserless tests give the board view, and the one place that
 * builds it for them; {@code TestViews} asks it for the board.
 */
public final class BoardTestViews {

    static volatile BoardFeed feed = new TestBoardFeed();
    static volatile Clock clock = Clock.systemUTC();
    static volatile CapacityFeed capacity = Optional::empty;

    private BoardTestViews() {
    }

    /** A board view on the test feeds and clock, when {@code type} is the board view. */
    public static Optional<Component> create(Class<?> type) {
        return type == BoardView.class ? Optional.of(new BoardView(feed, capacity, clock, new org.mashlive.wallboard.shell.ShellSettings(org.mashlive.wallboard.shell.ShellSettings.DEMO_HUB))) : Optional.empty();
    }
}
