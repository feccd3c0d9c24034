package org.mashlive.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.mashlive.board.api.Stage;
import org.mashlive.referral.NewReferral;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A front door that records every call and keeps each referral's stage, answering at once. */
final class RecordingFrontDoor implements FrontDoor {

    record Intake(long id, NewReferral contact, Instant at) {
    }

    record Applied(long id, Plan.Action action, Instant at) {
    }

    final List<Intake> intakes = new ArrayList<>();
    final List<Applied> applied = new ArrayList<>();
    final Map<Long, Stage> stages = new HashMap<>();
    final Set<Long> closedElsewhere = new HashSet<>();
    final List<OpenReferral> open = new ArrayList<>();
    boolean empty;
    IntPredicate failIntake = n -> false;
    IntPredicate failAction = n -> false;
    /** How many times each decision fails before it succeeds. */
    int decisionFailures;
    private final Map<Long, Integer> decisionTries = new HashMap<>();
    int intakeAttempts;
    int actionAttempts;
    /** What each back-filled step (one done at a past time) waits for before it is done. */
    volatile Mono<Void> backfilledSteps = Mono.empty();
    /** Back-filled steps waiting for {@link #backfilledSteps}. */
    final AtomicInteger stepsWaiting = new AtomicInteger();
    private long nextId = 1000;

    @Override
    public synchronized Mono<Received> receive(NewReferral contact, Instant at) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                if (failIntake.test(++intakeAttempts)) {
                    throw new IllegalStateException("intake " + intakeAttempts + " refused");
                }
                long id = nextId++;
                intakes.add(new Intake(id, contact, at));
                stages.put(id, Stage.RECEIVED);
                return new Received(id, true);
            }
        });
    }

    @Override
    public Mono<Boolean> apply(long id, Plan.Action action, Instant at) {
        Mono<Void> before = at == null ? Mono.empty() : Mono.defer(() -> {
            stepsWaiting.incrementAndGet();
            return backfilledSteps.doFinally(signal -> stepsWaiting.decrementAndGet());
        });
        return before.then(Mono.fromCallable(() -> {
            synchronized (this) {
                if (failAction.test(++actionAttempts)) {
                    throw new IllegalStateException("action " + actionAttempts + " refused");
                }
                if (action instanceof Plan.Decide && decisionTries.merge(id, 1, Integer::sum) <= decisionFailures) {
                    throw new IllegalStateException("decision on " + id + " refused");
                }
                if (closedElsewhere.contains(id) || stages.get(id) == Stage.DECIDED) {
                    return false;
                }
                applied.add(new Applied(id, action, at));
                switch (action) {
                    case Plan.Move move -> stages.put(id, move.stage());
                    case Plan.Decide decide -> stages.put(id, Stage.DECIDED);
                    case Plan.Rate rate -> {
                    }
                }
                return true;
            }
        }));
    }

    @Override
    public Flux<OpenReferral> open() {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(open)));
    }

    @Override
    public Mono<Boolean> empty() {
        return Mono.fromCallable(() -> empty);
    }

    synchronized List<Applied> appliedTo(long id) {
        return applied.stream().filter(a -> a.id() == id).toList();
    }

    synchronized long decided() {
        return stages.values().stream().filter(stage -> stage == Stage.DECIDED).count();
    }

    synchronized int calls() {
        return intakeAttempts + actionAttempts;
    }
}
