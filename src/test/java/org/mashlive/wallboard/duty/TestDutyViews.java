package org.mashlive.wallboard.duty;

import java.time.Clock;
import java.util.Optional;

import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.TestBoardFeed;

/**
 * The feed, clock, backend and person that browserless tests give the duty view, and the one place
 * that builds it for them (see {@code TestInstantiatorFactory}).
 */
public final class TestDutyViews {

    static volatile BoardFeed feed = new TestBoardFeed();
    static volatile Clock clock = Clock.systemUTC();
    static volatile DutyBackend backend = new TestDutyBackend();
    static volatile ActingUser actingUser = new ActingUser(new org.mashlive.board.api.UserToken("mu1.test",
            "duty.lead", java.util.List.of("DUTY_LEAD"), java.time.Instant.parse("2100-01-01T00:00:00Z")),
            java.time.Instant.EPOCH);

    private TestDutyViews() {
    }

    /** The duty view on the test feed, clock and backend, when {@code type} is it. */
    public static <T> Optional<T> create(Class<T> type) {
        if (type == DutyView.class) {
            return Optional.of(type.cast(new DutyView(feed, backend, clock, actingUser)));
        }
        if (type == SignOffView.class) {
            return Optional.of(type.cast(new SignOffView(feed, backend, clock, actingUser)));
        }
        return Optional.empty();
    }
}
