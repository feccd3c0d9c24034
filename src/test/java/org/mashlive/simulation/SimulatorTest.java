package org.mashlive.simulation;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Stage;
import org.mashlive.referral.Child;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

class SimulatorTest {

    /** A Monday, 10:00 in London. */
    static final Instant MONDAY_TEN = LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(TestZone.LONDON).toInstant();

    final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    final RecordingFrontDoor door = new RecordingFrontDoor();
    Disposable run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.dispose();
        }
        time.dispose();
    }

    Disposable start(long seed, int contactsPerYear, Duration backfill, Instant now) {
        var simulator = new Simulator(ContactModel.seeded(seed, contactsPerYear, Set.of()), door, time, 60, backfill);
        run = simulator.start(now);
        return run;
    }

    /** How many contacts the same seed yields in the first simulated hour, called in the simulator's order. */
    static int arrivalsInFirstHour(long seed, int contactsPerYear) {
        var model = ContactModel.seeded(seed, contactsPerYear, Set.of());
        int count = 0;
        Instant at = model.nextArrival(MONDAY_TEN);
        while (at.isBefore(MONDAY_TEN.plus(Duration.ofHours(1)))) {
            model.nextContact(at);
            count++;
            at = model.nextArrival(at);
        }
        return count;
    }

    @Test
    void atSpeedSixtyOneRealMinuteBringsOneSimulatedHourOfArrivals() {
        start(5, 150_000, Duration.ZERO, MONDAY_TEN);

        time.advanceTimeBy(Duration.ofSeconds(30));
        int halfway = door.intakes.size();
        time.advanceTimeBy(Duration.ofSeconds(30));

        int expected = arrivalsInFirstHour(5, 150_000);
        double rate = ContactModel.seeded(5, 150_000, Set.of()).arrivalsPerHour(
                MONDAY_TEN.atZone(TestZone.LONDON).toLocalDateTime());
        assertThat(expected).isBetween((int) (rate * 0.7), (int) (rate * 1.3));
        assertThat(door.intakes).hasSize(expected);
        assertThat(halfway).isPositive().isLessThan(expected);
        // live contacts are received now, not back-dated
        assertThat(door.intakes).allMatch(intake -> intake.at() == null);
    }

    @Test
    void stoppingDisposesEveryArrivalAndStep() {
        var handle = start(6, 15_000, Duration.ZERO, MONDAY_TEN);
        time.advanceTimeBy(Duration.ofMinutes(3));
        int calls = door.calls();
        assertThat(door.intakes).isNotEmpty();
        assertThat(door.decided()).isLessThan(door.intakes.size());

        handle.dispose();
        time.advanceTimeBy(Duration.ofDays(1));

        assertThat(handle.isDisposed()).isTrue();
        assertThat(door.calls()).isEqualTo(calls);
    }

    @Test
    void everyContactMovesThroughScreeningToADecisionInOrder() {
        start(7, 15_000, Duration.ZERO, MONDAY_TEN);
        time.advanceTimeBy(Duration.ofHours(2)); // 120 simulated hours: Monday 10:00 to Saturday 10:00

        var received = door.intakes.stream().filter(intake -> intake.id() > 0).toList();
        assertThat(received).hasSizeGreaterThan(100);
        for (var intake : received) {
            var actions = door.appliedTo(intake.id());
            Stage stage = Stage.RECEIVED;
            for (var applied : actions) {
                assertThat(applied.at()).as("live steps are done now").isNull();
                assertThat(stage).as("nothing after the decision").isNotEqualTo(Stage.DECIDED);
                if (applied.action() instanceof Plan.Move move) {
                    assertThat(move.stage().ordinal()).isGreaterThan(stage.ordinal());
                    stage = move.stage();
                } else if (applied.action() instanceof Plan.Decide) {
                    stage = Stage.DECIDED;
                }
            }
        }
        // contacts from the first 60 simulated hours have had at least 60 more
        var early = received.subList(0, received.size() / 2);
        long decidedEarly = early.stream().filter(intake -> door.stages.get(intake.id()) == Stage.DECIDED).count();
        assertThat((double) decidedEarly / early.size()).isGreaterThan(0.9);
    }

    @Test
    void aFailedCallIsLoggedAndTheDayGoesOn() {
        door.failIntake = n -> n % 3 == 0;
        door.failAction = n -> n % 5 == 0;
        start(8, 15_000, Duration.ZERO, MONDAY_TEN);
        time.advanceTimeBy(Duration.ofHours(2));

        assertThat(door.intakeAttempts).isGreaterThan(60);
        assertThat(door.intakes).hasSizeBetween(door.intakeAttempts * 2 / 3 - 1, door.intakeAttempts * 2 / 3 + 1);
        // a failed step does not end the plan
        assertThat(door.actionAttempts).isGreaterThan(door.applied.size());
        var early = door.intakes.subList(0, door.intakes.size() / 3);
        long decided = early.stream().filter(intake -> door.stages.get(intake.id()) == Stage.DECIDED).count();
        assertThat((double) decided / early.size()).isGreaterThan(0.85);
    }

    @Test
    void aFailedDecisionIsTriedAgain() {
        door.decisionFailures = 2;
        start(12, 15_000, Duration.ZERO, MONDAY_TEN);
        time.advanceTimeBy(Duration.ofMinutes(90));
        assertThat(door.decided()).isPositive();

        door.decisionFailures = 3;
        long before = door.decided();
        time.advanceTimeBy(Duration.ofMinutes(30));
        assertThat(door.decided()).as("a third failure gives up").isEqualTo(before);
    }

    @Test
    void anEmptyFrontDoorIsBackFilledWithThreeDays() {
        Instant wednesdayEleven = MONDAY_TEN.plus(Duration.ofDays(2)).plus(Duration.ofHours(1));
        door.empty = true;
        start(9, 15_000, Duration.ofDays(3), wednesdayEleven);

        // the back-fill needs no waiting: it is all in the past
        var intakes = List.copyOf(door.intakes);
        var model = ContactModel.seeded(9, 15_000, Set.of());
        LocalDate wednesday = wednesdayEleven.atZone(TestZone.LONDON).toLocalDate();
        double expected = model.expectedOn(wednesday.minusDays(3)) * 13 / 24 + model.expectedOn(wednesday.minusDays(2))
                + model.expectedOn(wednesday.minusDays(1)) + model.expectedOn(wednesday) * 11 / 24;
        assertThat((double) intakes.size()).isBetween(expected * 0.7, expected * 1.3);
        Instant previous = wednesdayEleven.minus(Duration.ofDays(3));
        Map<Long, Instant> receivedAt = new HashMap<>();
        for (var intake : intakes) {
            assertThat(intake.at()).isAfterOrEqualTo(previous).isBefore(wednesdayEleven);
            previous = intake.at();
            receivedAt.put(intake.id(), intake.at());
        }
        for (var applied : List.copyOf(door.applied)) {
            assertThat(applied.at()).isNotNull().isBeforeOrEqualTo(wednesdayEleven)
                    .isAfterOrEqualTo(receivedAt.get(applied.id()));
        }
        // decided ones, and open ones at several stages and RAGs
        assertThat(door.decided()).isPositive();
        Set<Stage> openStages = new HashSet<>();
        Map<Long, Rag> rags = new HashMap<>();
        door.applied.forEach(a -> {
            if (a.action() instanceof Plan.Rate rate) {
                rags.put(a.id(), rate.rag());
            }
        });
        Set<Rag> openRags = new HashSet<>();
        door.stages.forEach((id, stage) -> {
            if (stage.open()) {
                openStages.add(stage);
                if (rags.containsKey(id)) {
                    openRags.add(rags.get(id));
                }
            }
        });
        assertThat(openStages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(openRags).hasSizeGreaterThanOrEqualTo(2);
        // today's arrivals so far are among them
        assertThat(intakes).anyMatch(intake -> intake.at().atZone(TestZone.LONDON).toLocalDate().equals(wednesday));

        // then the day goes on live, and the open back-filled referrals move along
        long openBefore = door.stages.values().stream().filter(Stage::open).count();
        time.advanceTimeBy(Duration.ofMinutes(30));
        assertThat(door.intakes).hasSizeGreaterThan(intakes.size());
        assertThat(door.intakes.subList(intakes.size(), door.intakes.size())).allMatch(intake -> intake.at() == null);
        long backFilledStillOpen = intakes.stream().filter(intake -> door.stages.get(intake.id()).open()).count();
        assertThat(backFilledStillOpen).isLessThan(openBefore);
    }

    @Test
    void theBackFillTakesInTheNextContactsWhileEarlierOnesStepsAreRecorded() {
        Instant wednesdayEleven = MONDAY_TEN.plus(Duration.ofDays(2)).plus(Duration.ofHours(1));
        var steps = Sinks.empty();
        door.backfilledSteps = steps.asMono().then();
        door.empty = true;
        var simulator = new Simulator(ContactModel.seeded(9, 15_000, Set.of()), door, time, 60, Duration.ofDays(3));
        run = simulator.start(wednesdayEleven);

        // every back-filled step waits: a few contacts' first steps wait together, one step each,
        // and the intakes have gone on past them, bounded by the queue
        assertThat(door.stepsWaiting).hasValue(Simulator.REPLAYING);
        assertThat(door.intakes).hasSizeBetween(Simulator.REPLAYING, Simulator.IN_FLIGHT);
        assertThat(simulator.warm()).isFalse();

        steps.tryEmitEmpty();
        assertThat(simulator.warm()).isTrue();
        assertThat(door.intakes).hasSizeGreaterThan(100);
        // intakes in the order received, and each contact's steps in the order of their times
        Instant previous = Instant.MIN;
        for (var intake : door.intakes) {
            assertThat(intake.at()).isAfterOrEqualTo(previous);
            previous = intake.at();
            Instant step = intake.at();
            for (var applied : door.appliedTo(intake.id())) {
                assertThat(applied.at()).isAfterOrEqualTo(step);
                step = applied.at();
            }
        }
        assertThat(door.decided()).isPositive();
    }

    @Test
    void aFrontDoorWithReferralsIsNotBackFilled() {
        door.empty = false;
        start(10, 15_000, Duration.ofDays(3), MONDAY_TEN);
        assertThat(door.intakes).isEmpty();
    }

    @Test
    void aRestartPicksUpOpenReferralsAndMovesThemToADecision() {
        var child = new Child("Test", "Child", LocalDate.of(2020, 1, 1));
        Instant before = MONDAY_TEN.minus(Duration.ofDays(1));
        door.open.addAll(List.of(
                new FrontDoor.OpenReferral(1, Stage.RECEIVED, null, child, before),
                new FrontDoor.OpenReferral(2, Stage.SCREENING, Rag.AMBER, child, before),
                new FrontDoor.OpenReferral(3, Stage.INFORMATION_GATHERING, Rag.GREEN, child, before),
                new FrontDoor.OpenReferral(4, Stage.AWAITING_DECISION, Rag.RED, child, before),
                new FrontDoor.OpenReferral(5, Stage.SCREENING, Rag.AMBER, child, before)));
        for (long id = 1; id <= 5; id++) {
            door.stages.put(id, door.open.get((int) id - 1).stage());
        }
        door.closedElsewhere.add(5L);
        start(11, 15_000, Duration.ofDays(3), MONDAY_TEN);

        time.advanceTimeBy(Duration.ofHours(6)); // 15 simulated days: long enough for any plan

        for (long id = 1; id <= 4; id++) {
            assertThat(door.stages.get(id)).as("referral " + id).isEqualTo(Stage.DECIDED);
        }
        assertThat(door.appliedTo(1).getFirst().action()).isEqualTo(new Plan.Move(Stage.SCREENING));
        assertThat(door.appliedTo(1)).anyMatch(a -> a.action() instanceof Plan.Rate);
        assertThat(door.appliedTo(2)).noneMatch(a -> a.action().equals(new Plan.Move(Stage.SCREENING)));
        assertThat(door.appliedTo(4)).singleElement().extracting(RecordingFrontDoor.Applied::action)
                .isInstanceOf(Plan.Decide.class);
        // decided by someone else: its plan ends at the first refusal
        assertThat(door.appliedTo(5)).isEmpty();
        assertThat(door.stages.get(5L)).isEqualTo(Stage.SCREENING);
    }
}
