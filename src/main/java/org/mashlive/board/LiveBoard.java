package org.mashlive.board;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.BoardUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The board as this backend instance knows it, kept current from the database's notifications,
 * and the streams that hand it to subscribers.
 *
 * <p>One {@link BoardState} is folded per instance, whatever the number of subscribers, and one
 * snapshot is built per change at most (only when somebody asks for one). Events go to the
 * subscribers in rounds ({@link FanOut}): alone when nothing else is being sent, together when they
 * come while a round is being written. Each update of a round and each snapshot goes to every
 * subscriber it is for as one {@link SharedUpdate}, so that it is encoded once per data type. Each
 * subscriber has a bounded queue: one that stops reading is cut off with an error rather than
 * holding memory, and resumes from its last sequence when it comes back. One timer gives every
 * subscriber its heartbeats.
 */
@Component
public class LiveBoard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveBoard.class);
    /** Subscribers the fan-out offers an update to before it waits for the transport to write them. */
    private static final int SHARE = 500;
    private final SnapshotAssembler assembler;
    private final BoardListener listener;
    private final BoardEventStore store;
    private final BoardProperties properties;
    private final Clock clock;
    private final ObjectProvider<ReactorResourceFactory> transport;
    private final Set<SubscriberFeed> subscribers = ConcurrentHashMap.newKeySet();

    private final Object lock = new Object();
    private BoardState state;
    private BoardSnapshot cached;
    private SharedUpdate cachedUpdate;
    private final Sinks.Empty<Void> loaded = Sinks.empty();
    private final Sinks.Many<BoardEvent> applied = Sinks.many().multicast().directBestEffort();
    private volatile Disposable feed;
    private volatile Disposable heartbeats;
    private volatile ExecutorService rounds;
    private volatile FanOut.Rounds roundsDone = FanOut.Rounds.NONE;
    /** Set while running; used under {@link #lock}. */
    private FanOut fanOut;
    private volatile boolean running;

    /**
     * @param transport the event loops the RSocket transports write on, if any: a round of the
     *                  fan-out offers a share of its subscribers only once they have written the
     *                  share before the last ({@link FanOut})
     */
    LiveBoard(SnapshotAssembler assembler, BoardListener listener, BoardEventStore store, BoardProperties properties,
              Clock clock, ObjectProvider<ReactorResourceFactory> transport) {
        this.assembler = assembler;
        this.listener = listener;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.transport = transport;
    }

    @Override
    public void start() {
        running = true;
        var executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("mash-board-fanout").daemon().factory());
        rounds = executor;
        var resources = transport.getIfAvailable();
        var written = resources == null ? FanOut.Written.NOW
                : FanOut.Written.after(resources.getLoopResources().onServer(true), Schedulers.parallel(),
                        Duration.ofSeconds(1));
        synchronized (lock) {
            // an update at most 256 events (a few hundred KB), and at most half a subscriber's
            // buffer; 500 subscribers offered at a time, a few milliseconds of the loops' writing
            fanOut = new FanOut(lock, subscribers, executor, written,
                    Math.max(1, Math.min(256, properties.subscriberBuffer() / 2)), SHARE,
                    (events, nanos) -> roundsDone.done(events, nanos));
        }
        // one timer for all: a subscriber with no room for a tick drops it (SubscriberFeed), so the
        // timer never waits for anybody. Only a stream quiet for half an interval is sent one, so
        // a board hears something at least every interval and a half, and a busy one no heartbeats
        long quiet = properties.heartbeat().toNanos() / 2;
        heartbeats = Flux.interval(properties.heartbeat(), properties.heartbeat())
                .subscribe(tick -> {
                    long quietSince = System.nanoTime() - quiet;
                    subscribers.forEach(subscriber -> subscriber.tick(quietSince));
                });
        feed = assembler.assemble()
                .doOnNext(first -> {
                    synchronized (lock) {
                        state = BoardState.from(first);
                        cached = first;
                    }
                    log.info("Board loaded at sequence {} with {} open referrals", first.seq(), first.open().size());
                    loaded.tryEmitEmpty();
                })
                .flatMapMany(first -> listener.events(this::seq))
                .subscribe(this::apply, failure -> {
                    log.error("Board feed stopped", failure);
                    loaded.tryEmitError(failure);
                });
    }

    @Override
    public void stop() {
        running = false;
        var current = feed;
        if (current != null) {
            current.dispose();
        }
        var timer = heartbeats;
        if (timer != null) {
            timer.dispose();
        }
        subscribers.forEach(SubscriberFeed::complete);
        var executor = rounds;
        if (executor != null) {
            executor.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last sequence folded in. */
    public long seq() {
        synchronized (lock) {
            return state == null ? 0 : state.seq();
        }
    }

    /** The board now, once it has loaded: built once per change, shared by every caller until the next. */
    public Mono<BoardSnapshot> snapshot() {
        return loaded.asMono().then(Mono.fromSupplier(this::current));
    }

    private BoardSnapshot current() {
        synchronized (lock) {
            var today = state.dayOf(clock.instant());
            state.rollTo(today);
            if (cached == null || cached.seq() != state.seq() || !today.equals(cached.day())) {
                cached = state.snapshot(clock.instant());
            }
            return cached;
        }
    }

    void apply(BoardEvent event) {
        synchronized (lock) {
            switch (state.apply(event)) {
                case APPLIED -> {
                    fanOut.add(event);
                    applied.tryEmitNext(event);
                }
                case DUPLICATE -> {
                }
                case GAP -> log.warn("Board event {} arrived after {}; it will be read again", event.seq(),
                        state.seq());
            }
        }
    }

    /**
     * A subscriber's stream: a snapshot, or the events after {@code lastSeq} when that is recent
     * enough to replay, then every change, and a heartbeat at a tick of the heartbeat interval when
     * nothing else was sent for half an interval. Endless; ends
     * with an error if the subscriber falls a whole buffer behind.
     *
     * <p>Each subscriber goes at its own pace: a heartbeat is sent only when the subscriber has
     * asked for more, and a tick it has no room for is dropped, so a subscriber that stops reading
     * holds up nobody else, and heartbeats never fill its buffer. A stream resumed at the head
     * starts with a heartbeat, so that a client reconnecting in a quiet hour knows at once that it
     * is live.
     *
     * <p>Events and snapshots are shared with every other subscriber, to be encoded once
     * ({@link SharedUpdate}); replayed events and heartbeats are this subscriber's own.
     *
     * @param lastSeq the last sequence the subscriber applied, or null to start with a snapshot
     */
    Flux<SharedUpdate> stream(Long lastSeq) {
        return loaded.asMono().thenMany(Flux.defer(() -> {
            var subscriber = new SubscriberFeed(properties.subscriberBuffer());
            boolean replayable;
            Flux<SharedUpdate> first;
            synchronized (lock) {
                // the fan-out offers it the events after head, applied under this lock; its place is
                // set before the fan-out can find it among the subscribers
                long head = state.seq();
                subscriber.startAfter(head);
                subscribers.add(subscriber);
                replayable = lastSeq != null && lastSeq <= head && head - lastSeq <= properties.maxReplay();
                first = !replayable ? Flux.just(currentUpdate())
                        : lastSeq == head ? Flux.just(new SharedUpdate(BoardUpdate.heartbeat(head, clock.instant())))
                        : replay(lastSeq, head).map(SharedUpdate::new);
            }
            // what the subscriber has seen is tracked on the way out: a heartbeat never claims a
            // sequence whose event is still queued behind it
            var sent = new long[] {replayable ? lastSeq : -1};
            return Flux.concat(first, subscriber)
                    .<SharedUpdate>handle((update, out) -> {
                        if (update != SubscriberFeed.TICK) {
                            sent[0] = update.update.seq();
                            out.next(update);
                        } else if (sent[0] >= 0) {
                            out.next(new SharedUpdate(BoardUpdate.heartbeat(sent[0], clock.instant())));
                        }
                    })
                    .doFinally(signal -> subscribers.remove(subscriber));
        }));
    }

    /** The snapshot now, as one update for every subscriber that starts with it until the next change. */
    private SharedUpdate currentUpdate() {
        var snapshot = current();
        if (cachedUpdate == null || cachedUpdate.update.snapshot() != snapshot) {
            cachedUpdate = SharedUpdate.forMany(BoardUpdate.of(snapshot));
        }
        return cachedUpdate;
    }

    private Flux<BoardUpdate> replay(long after, long upTo) {
        if (after == upTo) {
            return Flux.empty();
        }
        return store.after(after, (int) (upTo - after)).map(BoardUpdate::of);
    }

    /**
     * Every event as this instance folds it in: committed, in sequence order, each once (none
     * from before the board loaded). Hot and endless; emitted on the thread that applies the
     * event, while the board's lock is held, so a subscriber must be quick and must not call back
     * into the board. A subscriber that cannot keep up misses events rather than holding the
     * board up.
     */
    public Flux<BoardEvent> applied() {
        return applied.asFlux();
    }

    /**
     * Reads the current board under its lock, without copying it. {@code reader} must be quick and
     * must not keep a reference to the state, which changes in place afterwards.
     *
     * @return what {@code reader} returned, or null while the board has not loaded yet
     */
    public <T> T read(Function<BoardState, T> reader) {
        synchronized (lock) {
            return state == null ? null : reader.apply(state);
        }
    }

    /** Tells {@code done} of each round of the fan-out once its writes are out, for meters. */
    void onRounds(FanOut.Rounds done) {
        roundsDone = done;
    }

    /**
     * Runs {@code task} on the thread that starts the fan-out's rounds, after the rounds already
     * due: no round starts until it returns. For tests that hold the rounds back.
     */
    void onRoundThread(Runnable task) {
        rounds.execute(task);
    }

    /** Subscribers now connected to this instance. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** Ends the stream of a subscriber that fell a whole buffer behind; it resumes from its last sequence. */
    static final class SlowSubscriberException extends RuntimeException {

        SlowSubscriberException() {
            super("board.stream subscriber fell too far behind; resubscribe with lastSeq to resume");
        }
    }
}
