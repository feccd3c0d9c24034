package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Groups form from what queued while the group before ran, each caller gets its own answer, and
 * a member refused alone does not fail the others. The first group is held open by a gate the
 * test opens, so which callers share a group is known without any timing.
 */
class GroupCommitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DistributionSummary sizes = DistributionSummary.builder("mash.intake.group.size").register(meters);
    /** The members of each group, in the order the groups ran. */
    private final List<List<String>> groups = new CopyOnWriteArrayList<>();
    private final Sinks.Empty<Void> gate = Sinks.empty();

    /** Answers each member with itself upper-cased; refuses "bad…" alone; the first group waits for the gate. */
    private GroupCommit<String, String> grouping(int maxSize, Duration maxWait, Function<String, Object> key,
                                                 VirtualTimeScheduler timer) {
        return new GroupCommit<>(maxSize, maxWait, key, members -> {
            groups.add(List.copyOf(members));
            Mono<Void> wait = groups.size() == 1 ? gate.asMono() : Mono.empty();
            return wait.then(Mono.fromCallable(() -> members.stream()
                    .map(member -> member.startsWith("bad")
                            ? GroupCommit.Outcome.<String>failed(new InvalidReferralException("child", member))
                            : GroupCommit.Outcome.of(member.toUpperCase()))
                    .toList()));
        }, sizes, timer == null ? Schedulers.immediate() : timer, Schedulers.immediate());
    }

    private GroupCommit<String, String> grouping(int maxSize) {
        return grouping(maxSize, Duration.ZERO, member -> null, null);
    }

    private static List<CompletableFuture<String>> submit(GroupCommit<String, String> grouping, String... members) {
        var answers = new ArrayList<CompletableFuture<String>>();
        for (var member : members) {
            answers.add(grouping.submit(member).toFuture());
        }
        return answers;
    }

    @Test
    void callersArrivingWhileAGroupRunsShareTheNextTransactionAndEachGetsItsOwnAnswer() {
        var grouping = grouping(64);
        var first = submit(grouping, "first").getFirst();
        // the first caller found nothing queued and ran at once, alone
        assertThat(groups).containsExactly(List.of("first"));
        var waiting = IntStream.range(0, 20).mapToObj(i -> "c" + i).toArray(String[]::new);
        var answers = submit(grouping, waiting);
        assertThat(grouping.queued()).isEqualTo(20);

        gate.tryEmitEmpty();

        assertThat(first.join()).isEqualTo("FIRST");
        for (int i = 0; i < 20; i++) {
            assertThat(answers.get(i).join()).isEqualTo("C" + i);
        }
        assertThat(groups).containsExactly(List.of("first"), List.of(waiting));
        // 21 callers, 2 transactions
        assertThat(sizes.count()).isEqualTo(2);
        assertThat(sizes.totalAmount()).isEqualTo(21);
        assertThat(sizes.max()).isEqualTo(20);
    }

    @Test
    void aGroupHoldsAtMostMaxSizeAndTheRestFormTheNextInTheOrderTheyCame() {
        var grouping = grouping(3);
        submit(grouping, "first");
        var answers = submit(grouping, "a", "b", "c", "d", "e");
        gate.tryEmitEmpty();
        answers.forEach(CompletableFuture::join);
        assertThat(groups).containsExactly(List.of("first"), List.of("a", "b", "c"), List.of("d", "e"));
    }

    @Test
    void aMemberRefusedAloneFailsAloneAndItsNeighboursAreAnswered() {
        var grouping = grouping(64);
        submit(grouping, "first");
        var answers = submit(grouping, "a", "bad", "c");
        gate.tryEmitEmpty();
        assertThat(answers.get(0).join()).isEqualTo("A");
        assertThat(answers.get(1)).failsWithin(Duration.ZERO).withThrowableThat()
                .withCauseInstanceOf(InvalidReferralException.class);
        assertThat(answers.get(2).join()).isEqualTo("C");
        assertThat(groups.get(1)).containsExactly("a", "bad", "c");
    }

    @Test
    void aGroupThatFailsWholeFailsEveryMemberWithTheFailureAndTheNextGroupStillRuns() {
        var failure = new IllegalStateException("database lost");
        var ran = new CopyOnWriteArrayList<List<String>>();
        var grouping = new GroupCommit<String, String>(64, Duration.ZERO, member -> null, members -> {
            ran.add(members);
            return ran.size() == 1 ? gate.asMono().then(Mono.error(failure))
                    : Mono.just(members.stream().map(GroupCommit.Outcome::of).toList());
        }, sizes, Schedulers.immediate(), Schedulers.immediate());
        var first = submit(grouping, "first").getFirst();
        var next = submit(grouping, "next").getFirst();
        gate.tryEmitEmpty();
        assertThat(first).failsWithin(Duration.ZERO).withThrowableThat().withCause(failure);
        assertThat(next.join()).isEqualTo("next");
    }

    @Test
    void aCallerSlowToTakeItsAnswerHoldsUpNeitherTheNextGroupNorItsCallers() throws Exception {
        var answersOn = Schedulers.newBoundedElastic(4, 100, "answers");
        try {
            var grouping = new GroupCommit<String, String>(64, Duration.ZERO, member -> null, members -> {
                groups.add(List.copyOf(members));
                Mono<Void> wait = groups.size() == 1 ? gate.asMono() : Mono.empty();
                return wait.then(Mono.fromCallable(() -> members.stream()
                        .map(member -> GroupCommit.Outcome.of(member.toUpperCase())).toList()));
            }, sizes, Schedulers.immediate(), answersOn);
            var nextAnswered = new CountDownLatch(1);
            var slow = new CompletableFuture<Boolean>();
            // the slow caller holds on to its answer until the next caller has had its own (10 s at most)
            grouping.submit("slow").subscribe(answer -> {
                try {
                    slow.complete(nextAnswered.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException interrupted) {
                    slow.completeExceptionally(interrupted);
                }
            });
            var next = grouping.submit("next").toFuture();
            next.thenRun(nextAnswered::countDown);

            gate.tryEmitEmpty();

            assertThat(slow.get(15, TimeUnit.SECONDS)).as("the next caller answered while the slow one held its answer")
                    .isTrue();
            assertThat(next.join()).isEqualTo("NEXT");
            assertThat(groups).containsExactly(List.of("slow"), List.of("next"));
        } finally {
            answersOn.dispose();
        }
    }

    @Test
    void twoCallersWithTheSameKeyNeverShareAGroup() {
        var grouping = grouping(64, Duration.ZERO, member -> member.substring(0, 1), null);
        submit(grouping, "x-first");
        var answers = submit(grouping, "a1", "b1", "a2", "c1", "a3");
        gate.tryEmitEmpty();
        answers.forEach(CompletableFuture::join);
        assertThat(groups).containsExactly(List.of("x-first"), List.of("a1", "b1", "c1"), List.of("a2"),
                List.of("a3"));
    }

    @Test
    void aCallerThatWentAwayWhileQueuedIsLeftOut() {
        var grouping = grouping(64);
        submit(grouping, "first");
        Disposable gone = grouping.submit("gone").subscribe();
        var stays = submit(grouping, "stays").getFirst();
        gone.dispose();
        gate.tryEmitEmpty();
        assertThat(stays.join()).isEqualTo("STAYS");
        assertThat(groups).containsExactly(List.of("first"), List.of("stays"));
    }

    @Test
    void maxWaitHoldsABusyGroupOpenForMoreButACallerAloneNeverWaits() {
        var timer = VirtualTimeScheduler.create();
        var grouping = grouping(64, Duration.ofMillis(5), member -> null, timer);
        // alone: runs without the clock moving
        var first = submit(grouping, "first").getFirst();
        assertThat(groups).containsExactly(List.of("first"));
        var early = submit(grouping, "a", "b");
        gate.tryEmitEmpty();
        assertThat(first.join()).isEqualTo("FIRST");
        // a and b found each other queued: the group waits up to 5 ms for more
        assertThat(groups).hasSize(1);
        var late = submit(grouping, "c");
        timer.advanceTimeBy(Duration.ofMillis(4));
        assertThat(groups).hasSize(1);
        timer.advanceTimeBy(Duration.ofMillis(1));
        assertThat(groups).containsExactly(List.of("first"), List.of("a", "b", "c"));
        assertThat(early.get(0).join()).isEqualTo("A");
        assertThat(late.getFirst().join()).isEqualTo("C");
        timer.dispose();
    }
}
