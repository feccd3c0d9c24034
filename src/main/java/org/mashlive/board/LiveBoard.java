package org.mashlive.board;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.BoardUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The board as this backend instance knows it, kept current from the database's notifications,
 * and the streams that hand it to subscribers.
 *
 * <p>One {@link BoardState} is folded per instance, whatever the number of subscribers, and one
 * snapshot is built per change at most (only when somebody asks for one). Each subscriber has a
 * bounded queue: one that stops reading is cut off with an error rather than holding memory, and
 * resumes from its last sequence when it comes back.
 */
@Component
public class LiveBoard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveBoard.class);
    /** Stands for a heartbeat until it is sent, when its sequence and time are filled in. */
    private static final BoardUpdate TICK = BoardUpdate.heartbeat(-1, Instant.EPOCH);

    private final SnapshotAssembler assembler;
    private final BoardListener listener;
    private final BoardEventStore store;
    private final BoardProperties properties;
    private final Clock clock;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    private final Object lock = new Object();
    private BoardState state;
    private BoardSnapshot cached;
    private final Sinks.Empty<Void> loaded = Sinks.empty();
    private final Sinks.Many<BoardEvent> applied = Sinks.many().multicast().directBestEffort();
    private volatile Disposable feed;
    private volatile boolean running;

    LiveBoard(SnapshotAssembler assembler, BoardListener listener, BoardEventStore store, BoardProperties properties,
              Clock clock) {
        this.assembler = assembler;
        this.listener = listener;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
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
        subscribers.forEach(subscriber -> subscriber.sink.tryEmitComplete());
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
                    var update = BoardUpdate.of(event);
                    subscribers.forEach(subscriber -> subscriber.offer(update));
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
     * enough to replay, then every change, and a heartbeat every heartbeat interval. Endless; ends
     * with an error if the subscriber falls a whole buffer behind.
     *
     * <p>Each subscriber has its own heartbeat timer and goes at its own pace: a heartbeat is sent
     * only when the subscriber has asked for more, and a tick it has no room for is dropped, so a
     * subscriber that stops reading holds up nobody else, and heartbeats never fill its buffer. A
     * stream resumed at the head starts with a heartbeat, so that a client reconnecting in a quiet
     * hour knows at once that it is live.
     *
     * @param lastSeq the last sequence the subscriber applied, or null to start with a snapshot
     */
    public Flux<BoardUpdate> stream(Long lastSeq) {
        return loaded.asMono().thenMany(Flux.defer(() -> {
            var subscriber = new Subscriber(Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<BoardUpdate>get(properties.subscriberBuffer()).get()));
            long head;
            boolean replayable;
            Flux<BoardUpdate> first;
            synchronized (lock) {
                subscribers.add(subscriber);
                head = state.seq();
                replayable = lastSeq != null && lastSeq <= head && head - lastSeq <= properties.maxReplay();
                first = !replayable ? Flux.just(BoardUpdate.of(current()))
                        : lastSeq == head ? Flux.just(BoardUpdate.heartbeat(head, clock.instant()))
                        : replay(lastSeq, head);
            }
            Flux<BoardUpdate> data = Flux.concat(first, subscriber.sink.asFlux().filter(update -> update.seq() > head));
            // a tick waits in the merge for the subscriber's demand (one at most) or is dropped
            Flux<BoardUpdate> ticks = Flux.interval(properties.heartbeat(), properties.heartbeat())
                    .onBackpressureDrop()
                    .map(tick -> TICK);
            // the cut-off is merged in so that it ends the stream at once: an error queued behind
            // the subscriber's full buffer would wait for a reader that has stopped reading
            Flux<BoardUpdate> cutOff = subscriber.cutOff.asMono().flatMapMany(ignored -> Flux.empty());
            // what the subscriber has seen is tracked after the merge, on the way out: a heartbeat
            // never claims a sequence whose event is still queued behind it
            var sent = new AtomicLong(replayable ? lastSeq : -1);
            return Flux.merge(1, data, ticks, cutOff)
                    .<BoardUpdate>handle((update, out) -> {
                        if (update != TICK) {
                            sent.set(update.seq());
                            out.next(update);
                        } else if (sent.get() >= 0) {
                            out.next(BoardUpdate.heartbeat(sent.get(), clock.instant()));
                        }
                    })
                    .doFinally(signal -> subscribers.remove(subscriber));
        }));
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

    /** Subscribers now connected to this instance. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private static final class Subscriber {

        final Sinks.Many<BoardUpdate> sink;
        final Sinks.Empty<Void> cutOff = Sinks.empty();

        Subscriber(Sinks.Many<BoardUpdate> sink) {
            this.sink = sink;
        }

        void offer(BoardUpdate update) {
            if (sink.tryEmitNext(update).isFailure()) {
                cutOff.tryEmitError(new SlowSubscriberException());
            }
        }
    }

    /** Ends the stream of a subscriber that fell a whole buffer behind; it resumes from its last sequence. */
    static final class SlowSubscriberException extends RuntimeException {

        SlowSubscriberException() {
            super("board.stream subscriber fell too far behind; resubscribe with lastSeq to resume");
        }
    }
}
