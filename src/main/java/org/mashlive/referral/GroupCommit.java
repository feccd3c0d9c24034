package org.mashlive.referral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Runs concurrent requests together, one group at a time: the first caller to find no group
 * running leads one with whatever is queued (itself at least), and callers arriving while it runs
 * form the next group, led as soon as it ends. Nobody waits for a timer when nothing else is
 * queued, so at low load a request runs at once; under load each group holds all that arrived
 * during the one before, up to {@code maxSize}
 * (docs/decisions/0031-group-commit-of-intakes.md).
 *
 * <p>Each caller hears its answer on the {@code answers} scheduler given at construction, never on
 * the thread that ran the group: what a caller does with its answer (encode it, write it) goes on
 * there while the next group runs, and a caller slow to take its answer holds up nobody else.
 *
 * <p>Two members with the same non-null key never share a group: the later one waits for the
 * next, so it sees what the earlier one did, as if they had come one after the other.
 *
 * @param <T> what a caller asks for
 * @param <R> what it is answered
 */
final class GroupCommit<T, R> {

    /** What one member of a group came to: its answer, or the error it alone is refused with. */
    record Outcome<R>(R value, Throwable error) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> failed(Throwable error) {
            return new Outcome<>(null, error);
        }
    }

    /**
     * The work of one group: one outcome per member, in the order given. An error fails every
     * member of the group with it.
     */
    interface Work<T, R> {

        Mono<List<Outcome<R>>> run(List<T> members);
    }

    /** A caller waiting for its group; one that went away before its group was led is left out. */
    private static final class Waiting<T, R> {

        final T member;
        final MonoSink<R> sink;
        volatile boolean cancelled;

        Waiting(T member, MonoSink<R> sink) {
            this.member = member;
            this.sink = sink;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final ConcurrentLinkedDeque<Waiting<T, R>> queue = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final int maxSize;
    private final Duration maxWait;
    private final Function<T, Object> key;
    private final Work<T, R> work;
    private final DistributionSummary sizes;
    private final Scheduler timer;
    private final Scheduler answers;

    /**
     * @param maxSize the most members in one group
     * @param maxWait how long a leader that found others already queued (a busy moment) holds the
     *                group open for more, up to {@code maxSize}; zero never waits. A leader that
     *                finds itself alone never waits
     * @param key     members with the same non-null key go in different groups
     * @param sizes   records each group's size
     * @param timer   the scheduler {@code maxWait} is counted on
     * @param answers the scheduler each caller hears its answer on
     */
    GroupCommit(int maxSize, Duration maxWait, Function<T, Object> key, Work<T, R> work, DistributionSummary sizes,
                Scheduler timer, Scheduler answers) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("a group holds at least one member, not " + maxSize);
        }
        this.maxSize = maxSize;
        this.maxWait = maxWait;
        this.key = key;
        this.work = work;
        this.sizes = sizes;
        this.timer = timer;
        this.answers = answers;
    }

    /** The answer to {@code member}, once the group it ran in has ended. */
    Mono<R> submit(T member) {
        return Mono.<R>create(sink -> {
            var waiting = new Waiting<>(member, sink);
            sink.onCancel(() -> waiting.cancelled = true);
            queue.add(waiting);
            lead();
        }).publishOn(answers);
    }

    /** How many callers wait for a group (for tests and meters). */
    int queued() {
        return queue.size();
    }

    /** Leads a group with what is queued, unless one is running: its end leads the next. */
    private void lead() {
        while (!queue.isEmpty() && leading.compareAndSet(false, true)) {
            var group = new ArrayList<Waiting<T, R>>();
            take(group);
            if (group.isEmpty()) {
                leading.set(false);
                continue;
            }
            boolean busy = group.size() > 1 || !queue.isEmpty();
            if (busy && group.size() < maxSize && maxWait.isPositive()) {
                Mono.delay(maxWait, timer).subscribe(tick -> {
                    take(group);
                    run(group);
                });
            } else {
                run(group);
            }
            return;
        }
    }

    /**
     * Moves queued callers into {@code group}, up to {@code maxSize}, in the order they came; one
     * whose key is already in the group goes back to the head of the queue, for the next.
     */
    private void take(List<Waiting<T, R>> group) {
        var keys = new HashSet<>();
        for (var member : group) {
            Object k = key.apply(member.member);
            if (k != null) {
                keys.add(k);
            }
        }
        var later = new ArrayList<Waiting<T, R>>();
        Waiting<T, R> next;
        while (group.size() < maxSize && (next = queue.pollFirst()) != null) {
            if (next.cancelled) {
                continue;
            }
            Object k = key.apply(next.member);
            if (k != null && !keys.add(k)) {
                later.add(next);
            } else {
                group.add(next);
            }
        }
        for (int i = later.size() - 1; i >= 0; i--) {
            queue.addFirst(later.get(i));
        }
    }

    private void run(List<Waiting<T, R>> group) {
        sizes.record(group.size());
        var members = group.stream().map(waiting -> waiting.member).toList();
        Mono.defer(() -> work.run(members))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("a group came to nothing")))
                .subscribe(outcomes -> {
                    if (outcomes.size() != group.size()) {
                        failAll(group, new IllegalStateException("a group of " + group.size()
                                + " came to " + outcomes.size() + " outcomes"));
                    } else {
                        for (int i = 0; i < group.size(); i++) {
                            var outcome = outcomes.get(i);
                            answer(group.get(i), outcome.value(), outcome.error());
                        }
                    }
                    next();
                }, failure -> {
                    failAll(group, failure);
                    next();
                });
    }

    private void failAll(List<Waiting<T, R>> group, Throwable failure) {
        group.forEach(waiting -> answer(waiting, null, failure));
    }

    /**
     * Hands one caller its answer, which it hears on the answers' scheduler. Should handing it over
     * throw, the others must still be answered and the next group still led.
     */
    private void answer(Waiting<T, R> waiting, R value, Throwable error) {
        try {
            if (error != null) {
                waiting.sink.error(error);
            } else {
                waiting.sink.success(value);
            }
        } catch (RuntimeException thrown) {
            log.warn("A caller failed on its answer from a group", thrown);
        }
    }

    private void next() {
        leading.set(false);
        lead();
    }
}
