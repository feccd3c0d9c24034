package org.mashlive.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;


import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The wall-board context's one subscription to {@link BoardRoutes#STREAM}, shared by every open
 * board. It keeps a {@link BoardState} current, resumes from the last sequence it applied after any
 * interruption, and says when it has stopped hearing from the backend.
 *
 * <p>Liveness: {@link Liveness#LIVE} while items (heartbeats included) arrive. Stale from the
 * instant the stream fails or ends, or, when it falls silent for {@link BackendProperties#staleAfter()},
 * from the last instant it heard anything; and stale from start-up until the first item. After a
 * failure it reconnects with jittered exponential backoff, for as long as it runs.
 *
 * <p>Each subscription is a connection of its own ({@link BackendClient}).
 *
 * <p>Threads: items are applied on the RSocket transport's thread under a short lock; views read
 * under the same lock through {@link #read(Function)}. Nothing here blocks.
 */
@Component
final class BoardConnection implements BoardFeed, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BoardConnection.class);
    private final BackendClient client;
    private final BackendProperties settings;
    private final BackendCredentials credentials;
    private final Clock clock;

    private final Object lock = new Object();
    private BoardState state; // guarded by lock; null until the first snapshot

    private volatile Liveness liveness;
    private volatile Instant lastHeard;
    private final AtomicLong revision = new AtomicLong();
    private final Sinks.Many<Change> changes = Sinks.many().multicast().directBestEffort();
    private volatile Disposable subscription;

    /**
     * @param strategies  the codecs (Boot's, with Jackson) for the requester of each connection
     * @param credentials sent with every request, so a connection needs no sign-in of its own
     */
    BoardConnection(RSocketStrategies strategies, BackendProperties settings, BackendCredentials credentials,
                    Clock clock) {
        this.client = new BackendClient(strategies, settings);
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
        this.liveness = Liveness.staleSince(clock.instant());
    }

    @Override
    public <T> Optional<T> read(Function<BoardState, T> reader) {
        synchronized (lock) {
            return state == null ? Optional.empty() : Optional.ofNullable(reader.apply(state));
        }
    }

    @Override
    public Liveness liveness() {
        return liveness;
    }

    @Override
    public Flux<Change> changes() {
        return changes.asFlux();
    }

    /** Subscribes to the board stream; it keeps reconnecting until {@link #stop()}. */
    @Override
    public synchronized void start() {
        if (!isRunning()) {
            subscription = updates().subscribe(
                    update -> { },
                    failure -> log.error("The board stream stopped for good", failure));
        }
    }

    /** Cancels the stream; the board stays as it was, and stale from then on. */
    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
        if (liveness.live()) {
            liveness = Liveness.staleSince(clock.instant());
            changed(false);
        }
    }

    @Override
    public boolean isRunning() {
        var current = subscription;
        return current != null && !current.isDisposed();
    }

    /** The sequence a reconnection resumes from; null before the first snapshot. */
    Long lastSeq() {
        synchronized (lock) {
            return state == null ? null : state.seq();
        }
    }

    private Flux<BoardUpdate> updates() {
        return Flux.defer(this::openStream)
                .timeout(settings.staleAfter())
                // the stream never completes while the server runs: an end is a lost connection
                .concatWith(Flux.error(StreamEnded::new))
                .doOnNext(this::receive)
                .retryWhen(Retry.from(failures -> failures.concatMap(this::afterFailure)));
    }

    private Flux<BoardUpdate> openStream() {
        var request = new BoardStreamRequest(lastSeq());
        log.debug("Requesting {} from seq {}", BoardRoutes.STREAM, request.lastSeq());
        return client.flux(BoardRoutes.STREAM, credentials.metadata(),
                route -> route.data(request).retrieveFlux(BoardUpdate.class));
    }

    private void receive(BoardUpdate update) {
        Instant now = clock.instant();
        lastHeard = now;
        boolean changed;
        // whether all that changed was routine: work already on the board moved along
        boolean routine = true;
        synchronized (lock) {
            changed = switch (update.kind()) {
                case SNAPSHOT -> {
                    state = BoardState.from(update.snapshot());
                    routine = false;
                    yield true;
                }
                case EVENT -> {
                    routine = routine(update.event());
                    yield apply(update.event());
                }
                case EVENTS -> {
                    boolean any = false;
                    for (var event : update.events()) {
                        routine &= routine(event);
                        any |= apply(event);
                    }
                    yield any;
                }
                case HEARTBEAT -> {
                    // a heartbeat ahead of us means events went missing on the way
                    if (state != null && update.seq() > state.seq()) {
                        throw new GapDetected(state.seq(), update.seq());
                    }
                    yield false;
                }
            };
            if (state != null) {
                LocalDate before = state.day();
                state.rollTo(state.dayOf(now));
                if (!Objects.equals(before, state.day())) {
                    changed = true;
                    routine = false;
                }
            }
        }
        if (!liveness.live()) {
            log.info("Board stream live again at seq {}", update.seq());
            liveness = Liveness.LIVE;
            changed = true;
            routine = false;
        }
        if (changed) {
            changed(routine);
        }
    }

    /** Whether {@code event} only moves along work already on the board. */
    private static boolean routine(BoardEvent event) {
        return Change.routine(event.type());
    }

    private boolean apply(BoardEvent event) {
        if (state == null) {
            throw new GapDetected(-1, event.seq());
        }
        return switch (state.apply(event)) {
            case APPLIED -> true;
            case DUPLICATE -> false;
            case GAP -> throw new GapDetected(state.seq(), event.seq());
        };
    }

    private Mono<Long> afterFailure(Retry.RetrySignal signal) {
        Throwable failure = signal.failure();
        // a gap right after good items: resubscribe at once so the server fills it; a gap again
        // before anything good arrives is treated as any other failure, so it cannot spin
        if (failure instanceof GapDetected gap && signal.totalRetriesInARow() == 0) {
            log.info("Board stream skipped from seq {} to {}: resubscribing", gap.lastApplied, gap.received);
            return Mono.just(0L);
        }
        markStale(failure);
        Duration pause = backoff(signal.totalRetriesInARow());
        log.debug("Reconnecting to the board stream in {} ms", pause.toMillis());
        return Mono.delay(pause);
    }

    private void markStale(Throwable failure) {
        if (!liveness.live()) {
            if (failure instanceof io.rsocket.exceptions.ApplicationErrorException refused) {
                // the backend answered and said no: most likely our credentials, which only configuration fixes
                log.warn("The backend refused the board stream, signed in with {}: {}", credentials.describe(),
                        refused.getMessage());
            } else {
                log.debug("Board stream still down: {}", failure.toString());
            }
            return;
        }
        Instant heard = lastHeard;
        // silence is noticed only after the timeout: the board has been stale since it last heard
        Instant since = failure instanceof TimeoutException && heard != null ? heard : clock.instant();
        log.warn("Board stream lost ({}); the board is stale since {}", failure.toString(), since);
        liveness = Liveness.staleSince(since);
        changed(false);
    }

    /** Exponential from {@code minBackoff} to {@code maxBackoff}, each pause drawn from its upper half. */
    Duration backoff(long attempt) {
        long min = settings.minBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long ceiling = min << Math.min(attempt, 20);
        ceiling = Math.max(min, Math.min(max, ceiling));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    private void changed(boolean routine) {
        var next = new Change(revision.incrementAndGet(), routine);
        // items and failures are signalled on different threads; retry the rare collision
        while (changes.tryEmitNext(next) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
    }

    /** The stream skipped sequences: resubscribe from the last one applied. */
    static final class GapDetected extends RuntimeException {

        final long lastApplied;
        final long received;

        GapDetected(long lastApplied, long received) {
            super("expected seq " + (lastApplied + 1) + ", received " + received, null, false, false);
            this.lastApplied = lastApplied;
            this.received = received;
        }
    }

    /** The server completed a stream that should run for as long as it does. */
    static final class StreamEnded extends RuntimeException {

        StreamEnded() {
            super("the board stream completed", null, false, false);
        }
    }
}
