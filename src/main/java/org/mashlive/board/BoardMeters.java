package org.mashlive.board;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mashlive.board.api.BoardEvent;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * The live board's own meters, per backend instance: streams open, events handed to them, and how
 * long an event takes from its outbox row to this instance's board.
 *
 * <ul>
 *   <li>{@code mash_board_subscribers}: {@code board.stream} subscriptions open now;</li>
 *   <li>{@code mash_board_events_published_total}: events this instance folded in and offered to
 *       its subscribers;</li>
 *   <li>{@code mash_board_commit_to_publish_seconds}: from the event's {@code at} (written just
 *       before its commit) to the moment this instance applied it;</li>
 *   <li>{@code mash_board_round_seconds}: each round of the fan-out, from its start to its updates
 *       written to every subscriber's connection; its count is the rounds, so events published over
 *       rounds is about how many events a round carries: one while the subscribers are few, more as
 *       writing to them all takes longer (decisions 39 and 41);</li>
 *   <li>{@code mash_board_round_events}: the most events a round offered one subscriber.</li>
 * </ul>
 */
@Component
class BoardMeters implements DisposableBean {

    /** Upper bounds of the latency histogram: LISTEN/NOTIFY is milliseconds; seconds mean trouble. */
    static final Duration[] LAG_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final Counter published;
    private final Timer lag;
    private final Clock clock;
    private final Disposable subscription;

    /** Upper bounds of the round-time histogram: a fraction of a millisecond for a few subscribers. */
    static final Duration[] ROUND_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1)};

    BoardMeters(LiveBoard board, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("mash.board.subscribers", board, LiveBoard::subscriberCount)
                .description("board.stream subscriptions open on this instance")
                .register(registry);
        this.published = Counter.builder("mash.board.events.published")
                .description("Board events this instance applied and offered to its subscribers")
                .register(registry);
        this.lag = Timer.builder("mash.board.commit.to.publish")
                .description("From a board event's outbox time to the moment this instance applied it")
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
        this.subscription = board.applied().subscribe(this::record);
        var rounds = Timer.builder("mash.board.round")
                .description("A round of the board's fan-out, from its start to its updates written to every subscriber")
                .serviceLevelObjectives(ROUND_BUCKETS)
                .register(registry);
        var carried = DistributionSummary.builder("mash.board.round.events")
                .description("The most events a round of the board's fan-out offered one subscriber")
                .serviceLevelObjectives(1, 2, 5, 10, 50, 256)
                .register(registry);
        board.onRounds((events, nanos) -> {
            rounds.record(nanos, TimeUnit.NANOSECONDS);
            carried.record(events);
        });
    }

    private void record(BoardEvent event) {
        published.increment();
        var elapsed = Duration.between(event.at(), clock.instant());
        // clocks of database and backend may differ by a little: never record a negative lag
        lag.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    @Override
    public void destroy() {
        subscription.dispose();
    }
}
