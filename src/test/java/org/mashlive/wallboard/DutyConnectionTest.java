package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.TestPorts;
import org.mashlive.board.api.UserToken;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The duty connection's waiting: where it may wait, and what it says when the backend is away. */
class DutyConnectionTest {

    private static final ActingUser LEAD = new ActingUser(new UserToken("tok", "duty.lead", List.of("DUTY_LEAD"),
            Instant.parse("2100-01-01T00:00:00Z")), Instant.EPOCH);

    /** A connection to a port where nothing listens. */
    private static DutyConnection toNowhere() throws Exception {
        int port;
        port = TestPorts.free();
        var settings = new BackendProperties("127.0.0.1", port, Duration.ofSeconds(15), Duration.ofMillis(50),
                Duration.ofMillis(200), null, null, null);
        return new DutyConnection(TestBoardServer.STRATEGIES, settings, Clock.systemUTC());
    }

    @Test
    void aBackendThatIsAwayIsReportedAsUnreachable() throws Exception {
        var connection = toNowhere();

        assertThatThrownBy(() -> connection.awaitingSignOff(LEAD))
                .isInstanceOfSatisfying(DutyException.class,
                        e -> assertThat(e.kind()).isEqualTo(DutyException.Kind.UNREACHABLE))
                .hasMessageContaining("did not answer");
    }

    @Test
    void aCallOnAReactiveThreadIsAProgrammingErrorNotAnUnreachableBackend() throws Exception {
        var connection = toNowhere();

        var onTimerThread = Mono.fromCallable(() -> connection.awaitingSignOff(LEAD))
                .subscribeOn(Schedulers.parallel());

        assertThatThrownBy(onTimerThread::block)
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(DutyException.class)
                .hasMessageContaining("must not wait");
    }
}
