package org.mashlive.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * Hands the board's events to its subscribers in rounds: a round goes through the subscribers a
 * share at a time and offers each what was applied since it was last offered anything, as one
 * update. It offers a share while the transport still writes the one before, and the share after
 * only once that one is written, so that what it offers is never far ahead of what is written and
 * each share reads the events applied up to then. An event that finds no
 * round in flight goes at once; one that comes during a round goes to the subscribers the round has
 * not reached yet in the same round, and to the others in the next.
 *
 * <p>So the pace adapts to the number of subscribers without a setting. With a few, a round is one
 * share, takes a fraction of a millisecond, and each event goes alone. With thousands, every
 * connection's write of an update costs about the same whether it carries one event or five, so
 * the writes per second settle at what the cores can do, instead of one write per event per
 * connection queueing without end behind a busy intake. An event then waits for at most one round:
 * the round in flight reaches the subscribers it has not offered anything yet with it, and the next
 * the ones it had.
 *
 * <p>Each subscriber's place is the last sequence it was offered ({@link SubscriberFeed#startAfter}
 * sets it as it joins, under the board's lock, to the sequence it starts with). Subscribers at the
 * same place are offered the same update, made once and shared ({@link SharedUpdate#forMany}); a
 * round makes one for each place it finds, a few at most. The events are kept from the lowest place
 * on. {@link #add} is called under the board's lock; a round takes it only to read what was added.
 */
final class FanOut {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FanOut.class);

    /** Says when what has been handed to the transport so far has been written. */
    interface Written {

        /** Runs {@code next} once what was handed to the transport before this call has been written. */
        void then(Runnable next);

        /** No transport to wait for: the next share may be offered at once. */
        Written NOW = Runnable::run;

        /**
         * Waits for every event loop of {@code loops} to run a task queued after the writes handed
         * to it so far (each loop runs its tasks in order, and a connection writes on its own loop); or
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
         * @param events the most events one subscriber was offered in the round
         * @param nanos  from the start of the round to the writes of its last share being out
         */
        void done(int events, long nanos);

        Rounds NONE = (events, nanos) -> { };
    }

    private final Object lock;
    private final Set<SubscriberFeed> subscribers;
    private final Executor rounds;
    private final Written written;
    private final int mostPerRound;
    private final int perShare;
    private final Rounds done;

    /** Guarded by {@link #lock}: the events from the lowest place of any subscriber on, in sequence. */
    private final List<BoardEvent> events = new ArrayList<>();
    /** Guarded by {@link #lock}: the sequence of the last event added. */
    private long head = -1;
    /** Guarded by {@link #lock}: a round is being offered or written. */
    private boolean inFlight;

    /**
     * Shares offered ahead of the transport's writing: the next is offered while the loops still
     * write the one before, so that they are never left without work between two shares.
     */
    private static final int AHEAD = 2;

    // the round in flight, touched by one of its steps at a time (each step is queued behind the last)
    private Iterator<SubscriberFeed> round;
    /** Shares of the round offered whose writes are not known to be out yet. */
    private int unwritten;
    private long started;
    /** The lower of the head when the round began and the lowest place a subscriber was left at. */
    private long low;
    /** The most events one subscriber was offered in this round. */
    private int carried;
    /**
     * The events held when the head was {@link #madeFor}, and the updates made of them, by the place
     * of the subscribers they are for.
     */
    private List<BoardEvent> now = List.of();
    private final Map<Long, SharedUpdate> made = new HashMap<>();
    private long madeFor = Long.MIN_VALUE;

    /**
     * @param lock        the board's lock, held by whoever calls {@link #add}
     * @param subscribers the subscribers now
     * @param rounds      runs the rounds' steps, one at a time
     * @param written     says when what was offered has been written
     * @param mostPerRound the most events one update carries, the rest going in the rounds after: so
     *                    that an update stays a bounded size, and well inside a subscriber's
     *                    buffer, however many events wait (a backlog read again after the database
     *                    came back, say)
     * @param perShare    the subscribers a round offers to before it waits for the transport
     * @param done        told of each round once its writes are out
     */
    FanOut(Object lock, Set<SubscriberFeed> subscribers, Executor rounds, Written written, int mostPerRound,
           int perShare, Rounds done) {
        if (mostPerRound < 1) {
            throw new IllegalArgumentException("an update carries one event or more, not " + mostPerRound);
        }
        if (perShare < 1) {
            throw new IllegalArgumentException("a share of a round is one subscriber or more, not " + perShare);
        }
        this.lock = lock;
        this.subscribers = subscribers;
        this.rounds = rounds;
        this.written = written;
        this.mostPerRound = mostPerRound;
        this.perShare = perShare;
        this.done = done;
    }

    /** An event the board has just applied, the next in sequence; called under the board's lock. */
    void add(BoardEvent event) {
        if (head >= 0 && event.seq() != head + 1) {
            // never so while the board applies events in order; should it be, a subscriber left
            // before it is sent it without the ones between, sees the gap and starts again
            log.error("Board event {} handed to the fan-out after {}; the subscribers behind it will be sent a gap",
                    event.seq(), head);
            events.clear();
        }
        events.add(event);
        head = event.seq();
        if (!inFlight) {
            inFlight = true;
            step(this::begin);
        }
    }

    private void step(Runnable step) {
        try {
            rounds.execute(step);
        } catch (RejectedExecutionException stopped) {
            // the board has stopped, and told its subscribers so
        }
    }

    private void begin() {
        started = System.nanoTime();
        carried = 0;
        synchronized (lock) {
            low = head;
        }
        round = subscribers.iterator();
        share();
    }

    /** Offers the next shares of the subscribers what they have not been offered, as far ahead of the transport as allowed. */
    private void share() {
        do {
            offerShare();
            unwritten++;
            written.then(() -> step(this::shareWritten));
        } while (round.hasNext() && unwritten < AHEAD);
    }

    private void shareWritten() {
        unwritten--;
        if (round.hasNext()) {
            share();
        } else if (unwritten == 0) {
            end();
        }
    }

    private void offerShare() {
        long last;
        synchronized (lock) {
            last = head;
            // events are added only with a new head, and let go only between rounds
            if (last != madeFor) {
                now = List.copyOf(events);
                made.clear();
                madeFor = last;
            }
        }
        long first = now.isEmpty() ? last + 1 : now.getFirst().seq();
        for (int offered = 0; offered < perShare && round.hasNext(); ) {
            var subscriber = round.next();
            long place = subscriber.fannedOut;
            if (place >= last) {
                continue;
            }
            long from = Math.max(place, first - 1);
            if (from >= last) {
                subscriber.fannedOut = last;
                continue;
            }
            offered++;
            long to = Math.min(last, from + mostPerRound);
            var update = made.computeIfAbsent(from, at -> SharedUpdate.forMany(BoardUpdate.of(
                    now.subList((int) (at + 1 - first), (int) (to + 1 - first)))));
            subscriber.fannedOut = to;
            low = Math.min(low, to);
            carried = Math.max(carried, (int) (to - from));
            try {
                subscriber.offer(update);
            } catch (RuntimeException failed) {
                // one subscriber's failure is its own: the round goes on to the others, and on
                log.warn("A board subscriber failed on update {}; the others are sent it", update.update.seq(), failed);
            }
        }
    }

    private void end() {
        try {
            done.done(carried, System.nanoTime() - started);
        } finally {
            next();
        }
    }

    /** The events held for subscribers that have not been offered them yet, for tests. */
    int held() {
        synchronized (lock) {
            return events.size();
        }
    }

    /** Lets go of what every subscriber has been offered, and goes round again if anybody is behind. */
    private void next() {
        round = null;
        boolean again;
        synchronized (lock) {
            // every subscriber is at low or past it
            if (!events.isEmpty()) {
                int let = (int) Math.min(events.size(), Math.max(0, low + 1 - events.getFirst().seq()));
                events.subList(0, let).clear();
            }
            again = head > low;
            inFlight = again;
        }
        if (again) {
            begin();
        }
    }
}
