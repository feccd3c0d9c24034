package org.mashlive.board;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.mashlive.board.api.BoardUpdate;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * The live part of one {@code board.stream} subscriber: the updates the board applied since it
 * subscribed, held until the subscriber asks for them, and a heartbeat when one is due.
 *
 * <p>What it holds is bounded by count, not by a preallocated array: a queue of up to
 * {@code capacity} events (an update may carry several) that costs a few dozen bytes while the
 * subscriber keeps up, which is nearly always. The updates themselves are shared by every subscriber. A subscriber that falls a
 * whole buffer behind is cut off at once: the error is sent ahead of what is queued, which is let
 * go, so that a subscriber that stopped reading does not hold on to it.
 *
 * <p>Heartbeats come from one timer for all subscribers ({@link #tick(long)}), and only to a stream
 * that has been quiet: one that was sent anything since the tick's moment needs none. A tick waits
 * here, one at most, until the subscriber asks for more, and later ticks meanwhile are dropped. A
 * tick never takes a place in the buffer and never waits for anybody else.
 *
 * <p>{@link #offer} is called by one thread at a time (the steps of the board's fan-out);
 * {@link #tick(long)} by the timer; requests and cancellation by the transport. Whoever finds work sends
 * it, one at a time.
 */
final class SubscriberFeed extends Flux<SharedUpdate> implements Subscription {

    /** Stands for a heartbeat until it is sent, when its sequence and time are filled in. */
    static final SharedUpdate TICK = new SharedUpdate(BoardUpdate.heartbeat(-1,
            java.time.Instant.EPOCH));

    private static final AtomicIntegerFieldUpdater<SubscriberFeed> QUEUED =
            AtomicIntegerFieldUpdater.newUpdater(SubscriberFeed.class, "queued");
    private static final AtomicIntegerFieldUpdater<SubscriberFeed> WIP =
            AtomicIntegerFieldUpdater.newUpdater(SubscriberFeed.class, "wip");
    private static final AtomicIntegerFieldUpdater<SubscriberFeed> TICKS =
            AtomicIntegerFieldUpdater.newUpdater(SubscriberFeed.class, "tickDue");
    private static final AtomicLongFieldUpdater<SubscriberFeed> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(SubscriberFeed.class, "requested");

    private final int capacity;
    private final ConcurrentLinkedQueue<SharedUpdate> queue = new ConcurrentLinkedQueue<>();
    private volatile CoreSubscriber<? super SharedUpdate> actual;
    private volatile int queued;
    private volatile int wip;
    private volatile int tickDue;
    private volatile long requested;
    private volatile Throwable failure;
    private volatile boolean done;
    private volatile boolean cancelled;
    /** {@link System#nanoTime()} when the subscriber was last handed anything, or when the feed began. */
    private volatile long lastSent = System.nanoTime();
    /**
     * The last sequence the fan-out offered this subscriber ({@link FanOut}): set as it joins, then
     * only by the fan-out's rounds. Until it joins, past any sequence, so that nothing is offered.
     */
    long fannedOut = Long.MAX_VALUE;

    SubscriberFeed(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues {@code update}, one event or several, for the subscriber, or cuts it off with a
     * {@link LiveBoard.SlowSubscriberException} when they would not fit in its buffer. The fan-out
     * offers only what comes after the subscriber's place ({@link #startAfter}).
     */
    void offer(SharedUpdate update) {
        if (failure != null || done || cancelled) {
            return;
        }
        int weight = update.weight;
        if (queued + weight > capacity) {
            failure = new LiveBoard.SlowSubscriberException();
        } else {
            queue.offer(update);
            QUEUED.addAndGet(this, weight);
        }
        drain();
    }

    /**
     * The subscriber starts with what the board held at {@code seq}: only the events after it are
     * queued. Called under the board's lock as the subscriber joins, before it is added to the
     * subscribers the fan-out goes through ({@link FanOut}).
     */
    void startAfter(long seq) {
        fannedOut = seq;
    }

    /**
     * A heartbeat is due if nothing has been handed to the subscriber since {@code quietSince} (a
     * {@link System#nanoTime()}): it is then sent when the subscriber has room for it, or dropped if
     * one already waits. A stream that is busy needs no heartbeat to show that it is alive, and at
     * ten thousand subscribers a tick for each of them costs as much as a round of the fan-out.
     */
    void tick(long quietSince) {
        if (lastSent - quietSince > 0) {
            return;
        }
        if (TICKS.getAndSet(this, 1) == 0) {
            drain();
        }
    }

    /** Ends the feed once what is queued has been sent. */
    void complete() {
        done = true;
        drain();
    }

    /** Events queued now, for tests and meters. */
    int queued() {
        return queued;
    }

    @Override
    public void subscribe(CoreSubscriber<? super SharedUpdate> subscriber) {
        if (actual != null) {
            Operators.error(subscriber, new IllegalStateException("a board feed serves one subscriber"));
            return;
        }
        actual = subscriber;
        subscriber.onSubscribe(this);
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            failure = new IllegalArgumentException("a subscriber must ask for one item or more, not " + n);
        } else {
            Operators.addCap(REQUESTED, this, n);
        }
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
        drain();
    }

    private void drain() {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            var subscriber = actual;
            if (cancelled) {
                clear();
                return;
            }
            if (subscriber != null && send(subscriber)) {
                return;
            }
            missed = WIP.addAndGet(this, -missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /** Sends what the subscriber has asked for; true once the feed has ended. */
    private boolean send(CoreSubscriber<? super SharedUpdate> subscriber) {
        long wanted = requested;
        long sent = 0;
        while (true) {
            if (cancelled) {
                clear();
                return true;
            }
            var cutOff = failure;
            if (cutOff != null) {
                cancelled = true;
                clear();
                subscriber.onError(cutOff);
                return true;
            }
            if (done && queue.isEmpty()) {
                cancelled = true;
                subscriber.onComplete();
                return true;
            }
            if (sent == wanted) {
                break;
            }
            var next = queue.poll();
            if (next != null) {
                QUEUED.addAndGet(this, -next.weight);
            } else if (TICKS.getAndSet(this, 0) == 1) {
                next = TICK;
            } else {
                break;
            }
            lastSent = System.nanoTime();
            subscriber.onNext(next);
            sent++;
        }
        if (sent != 0 && wanted != Long.MAX_VALUE) {
            REQUESTED.addAndGet(this, -sent);
        }
        return false;
    }

    private void clear() {
        queue.clear();
        queued = 0;
    }
}
