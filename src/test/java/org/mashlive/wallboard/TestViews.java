package org.mashlive.wallboard;

import java.time.Clock;
import java.util.Optional;

/**
 * The feeds and clock that browserless tests give the duty and capacity views, and the one place that
 * builds the views for them (the board's come from {@code board.BoardTestViews}). It implements no Vaadin service interface on purpose: the wall-board context scans its
 * own package for those, and a test class found there would replace Spring's beans in any full
 * application started from the test classpath.
 */
public final class TestViews {

    static volatile BoardFeed feed = new TestBoardFeed();
    static volatile Clock clock = Clock.systemUTC();
    static volatile CapacityFeed capacity = java.util.Optional::empty;
    /** What the capacity view's report download is answered; by default a refusal. */
    static volatile ReportDownload.Source reports = (from, to) -> {
        throw new DutyException(DutyException.Kind.REFUSED, "not in this test");
    };
    static volatile GrafanaProperties grafana = new GrafanaProperties(java.net.URI.create("http://grafana.test:3000"));

    private TestViews() {
    }

    /** A board or capacity view on the test feeds and clock, or the shell around them, when {@code type} is one of them. */
    public static <T> Optional<T> create(Class<T> type) {
        var board = org.mashlive.wallboard.board.BoardTestViews.create(type);
        if (board.isPresent()) {
            return board.map(type::cast);
        }
        if (type == CapacityView.class) {
            return Optional.of(type.cast(new CapacityView(capacity, feed, grafana, reports,
                    java.time.Clock.fixed(java.time.Instant.parse("2026-03-10T14:00:00Z"), java.time.ZoneOffset.UTC))));
        }
        // nobody signed in: the shell shows no header
        if (type == org.mashlive.wallboard.shell.ShellLayout.class) {
            return Optional.of(type.cast(new org.mashlive.wallboard.shell.ShellLayout(
                    new org.mashlive.wallboard.shell.ShellSettings("Test Hub"),
                    new com.vaadin.flow.spring.security.AuthenticationContext())));
        }
        if (type == org.mashlive.wallboard.shell.NotAllowedView.class) {
            return Optional.of(type.cast(new org.mashlive.wallboard.shell.NotAllowedView(
                    new com.vaadin.flow.spring.security.AuthenticationContext())));
        }
        return Optional.empty();
    }
}
