package org.mashlive.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardUpdate;
import reactor.core.scheduler.Scheduler;

/**
 * Hands the board's events to its subscribers in rounds, one round at a time: a round offers every
 * subscriber what was applied since the last, as one update, and the next round starts only once
 * the transport has written the last one out. An event that finds no round in flight goes at
 * once, alone; events that come while one is in flight wait for it and go together, as one
 * {@code EVENTS} update.
 *
 * <p>So the pace adapts to the number of subscribers without a setting. With a few, a round takes
 * a fraction of a millisecond and each event goes alone. With thousands, every connection's write
 * of an update costs about the same whether it carries one event or five, so the writes per
 * second settle at what the cores can do, instead of one write per event per connection queueing
 * without end behind a busy intake. An event then waits for at most the round in flight and its
 * own.
 *
 * <p>{@link #add} is called under the board's lock, and each round takes it while it offers, so a
 * subscriber that joins sees each event either in what it starts with or in a round. Events
 * applied before it joined but not yet offered are left out for it ({@link SubscriberFeed#startAfter}).
 */
final class FanOut {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FanOut.class);

    /** Says when what has been handed to the transport so far has been written. */
    interface Written {

        /** Runs {@code next} once what was handed to the transport before this call has been written. */
        void then(Runnable next);

        /** No transport to wait for: the next round may start at once. */
        Written NOW = Runnable::run;

        /**
         * Waits for every event loop of {@code loops} to run a task queued after the round's
         * writes (each loop runs its tasks in order, and a connection writes on its own loop); or
         * for {@code atMost}, whichever comes first, so that a loop that is stuck cannot hold up
         * the board.
         */
        static Written after(EventExecutorGroup loops, Scheduler timer, Duration atMost) {
            List<EventExecutor> each = new ArrayList<>();
            loops.forEach(each::add);
            return next -> {
                var once = new AtomicBoolean();
                var left = new AtomicInteger(each.size());
                var timeout = timer.schedule(() -> {
                    if (once.compareAndSet(false, true)) {
                        next.run();
                    }
                }, atMost.toMillis(), TimeUnit.MILLISECONDS);
                Runnable oneDone = () -> {
                    if (left.decrementAndGet() == 0 && once.compareAndSet(false, true)) {
                        timeout.dispose();
                        next.run();
                    }
                };
                for (var loop : each) {
                    try {
                        loop.execute(oneDone);
                    } catch (RejectedExecutionException shutDown) {
                        oneDone.run();
                    }
                }
            };
        }
    }

    /** Told of each round once its writes are out. */
    interface Rounds {

        /**
         * @param events the events the round carried
         * @param nanos  from the start of the round to its writes being out
         */
        void done(int events, long nanos);

        Rounds NONE = (events, nanos) -> { };
    }

    private final Object lock;
    private final Set<SubscriberFeed> subscribers;
    private final Executor rounds;
    private final Written written;
    private final int mostPerRound;
    private final Rounds done;
    /** Guarded by {@link #lock}. */
    private List<BoardEvent> pending = new ArrayList<>();
    /** Guarded by {@link #lock}: a round is being offered or written. */
    private boolean inFlight;

    /**
     * @param lock        the board's lock, held by whoever calls {@link #add}
     * @param subscribers the subscribers now
     * @param rounds      runs the rounds, one at a time
     * @param written     says when a round's writes are out
     * @param mostPerRound the most events one round carries, the rest going in the rounds after: so
     *                    that an update stays a bounded size, and well inside a subscriber's
     *                    buffer, however many events wait (a backlog read again after the database
     *                    came back, say)
     * @param done        told of each round once its writes are out
     */
    FanOut(Object lock, Set<SubscriberFeed> subscribers, Executor rounds, Written written, int mostPerRound,
           Rounds done) {
        if (mostPerRound < 1) {
            throw new IllegalArgumentException("a round carries one event or more, not " + mostPerRound);
        }
        this.lock = lock;
        this.subscribers = subscribers;
        this.rounds = rounds;
        this.written = written;
        this.mostPerRound = mostPerRound;
        this.done = done;
    }

    /** An event the board has just applied, in sequence; called under the board's lock. */
    void add(BoardEvent event) {
        pending.add(event);
        if (!inFlight) {
            inFlight = true;
            next();
        }
    }

    private void next() {
        try {
            rounds.execute(this::round);
        } catch (RejectedExecutionException stopped) {
            // the board has stopped, and told its subscribers so
        }
    }

    private void round() {
        long started = System.nanoTime();
        int events;
        synchronized (lock) {
            if (pending.isEmpty()) {
                inFlight = false;
                return;
            }
            List<BoardEvent> now;
            if (pending.size() <= mostPerRound) {
                now = pending;
                pending = new ArrayList<>();
            } else {
                now = new ArrayList<>(pending.subList(0, mostPerRound));
                pending.subList(0, mostPerRound).clear();
            }
            events = now.size();
            var update = SharedUpdate.forMany(BoardUpdate.of(now));
            for (var subscriber : subscribers) {
                try {
                    subscriber.offer(update);
                } catch (RuntimeException failed) {
                    // one subscriber's failure is its own: the round goes on to the others, and on
                    log.warn("A board subscriber failed on update {}; the others are sent it", update.update.seq(),
                            failed);
                }
            }
        }
        written.then(() -> {
            try {
                done.done(events, System.nanoTime() - started);
            } finally {
                next();
            }
        });
    }
}
