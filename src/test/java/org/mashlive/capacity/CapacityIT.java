package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.referral.Child;
import org.mashlive.referral.Consent;
import org.mashlive.referral.NewReferral;
import org.mashlive.referral.ReferralHistory;
import org.mashlive.referral.ReferralService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The capacity figures against the real embedded PostgreSQL: referrals taken in and decided at
 * known past times (a week of February 2024 no other test touches), the summary taken at a fixed
 * instant; and the meters, which count committed intakes once and never a repeated or rolled-back one.
 */
@BackendTest
class CapacityIT {

    private static final AtomicInteger CHILD = new AtomicInteger();

    @Autowired
    org.mashlive.staff.StaffProperties staffSettings;

    @Autowired ReferralService referrals;
    @Autowired ReferralHistory history;
    @Autowired CapacityService capacity;
    @Autowired StaffWorkforceFigures workforce;
    @Autowired LiveBoard board;
    @Autowired MeterRegistry registry;
    @Autowired TransactionalOperator transaction;

    private static NewReferral contact(Source source, Channel channel, String externalRef, String lastName, Rag rag) {
        return new NewReferral(externalRef, channel, source, null, null,
                new Child("Capacity" + CHILD.incrementAndGet(), lastName, LocalDate.of(2015, 5, 6)),
                "Worried about the child at home.", rag, Set.of(), Consent.NOT_SOUGHT, null);
    }

    private long receive(NewReferral contact, String at) {
        return referrals.receive(contact, Instant.parse(at)).block(Duration.ofSeconds(10)).referral().id();
    }

    @Test
    void theSummaryCountsWhatCameInAndWasDecidedFromTheDatabase() {
        // Monday 5 to Monday 12 February 2024 (GMT)
        long police = receive(contact(Source.POLICE, Channel.POLICE_NOTIFICATION, null, "Ashdown", Rag.RED),
                "2024-02-12T09:30:00Z");
        receive(contact(Source.HEALTH, Channel.EMAIL, null, "Birchall", Rag.AMBER), "2024-02-12T19:30:00Z");
        long early = receive(contact(Source.EDUCATION, Channel.PORTAL, null, "Coverdale", Rag.GREEN),
                "2024-02-05T10:00:00Z");
        // the same child again within the year: a re-referral
        var again = new NewReferral(null, Channel.PHONE, Source.FAMILY_SELF, null, null,
                new Child("Dora", "Eastwood", LocalDate.of(2016, 1, 2)), "Asked for help.", null, Set.of(),
                Consent.GIVEN, null);
        receive(again, "2024-02-06T11:00:00Z");
        receive(again, "2024-02-12T12:00:00Z");
        // Red timescale is 4 h elapsed: decided 3 h after receipt is within it
        referrals.decide(police, Outcome.STRATEGY_S47, Instant.parse("2024-02-12T12:30:00Z")).block(Duration.ofSeconds(10));
        // Green is 72 working hours, about nine working days: a week later is within it
        referrals.decide(early, Outcome.EARLY_HELP, Instant.parse("2024-02-12T15:00:00Z")).block(Duration.ofSeconds(10));
        // Red received before hours and decided 6 h later: outside its 4 h
        long late = receive(contact(Source.POLICE, Channel.PHONE, null, "Kershaw", Rag.RED), "2024-02-12T06:00:00Z");
        referrals.decide(late, Outcome.POLICE_ONLY, Instant.parse("2024-02-12T12:00:00Z")).block(Duration.ofSeconds(10));

        var receivedThatWeek = history.receivedBetween(Instant.parse("2024-02-05T00:00:00Z"),
                Instant.parse("2024-02-13T00:00:00Z")).collectList().block(Duration.ofSeconds(10));
        assertThat(receivedThatWeek).hasSize(6);

        var summary = capacity.summary(Instant.parse("2024-02-12T23:00:00Z")).block(Duration.ofSeconds(10));

        assertThat(summary.today()).isEqualTo(LocalDate.of(2024, 2, 12));
        var monday = summary.arrivals().getLast();
        assertThat(monday.bySource()).isEqualTo(Map.of(Source.POLICE, 2, Source.HEALTH, 1, Source.FAMILY_SELF, 1));
        assertThat(monday.byChannel())
                .isEqualTo(Map.of(Channel.POLICE_NOTIFICATION, 1, Channel.EMAIL, 1, Channel.PHONE, 2));
        assertThat(summary.arrivalsToday()).isEqualTo(4);
        assertThat(summary.averageArrivals()).isEqualTo(2 / 14.0);
        assertThat(summary.reReferralRate()).isEqualTo(1 / 6.0);
        // 06:00 and 19:30 on Monday are out of hours
        assertThat(summary.outOfHoursContacts()).isEqualTo(2);
        var decided = summary.timeliness().getLast();
        assertThat(decided.of(Rag.RED).decided()).isEqualTo(2);
        assertThat(decided.of(Rag.RED).within()).isEqualTo(1);
        assertThat(decided.of(Rag.GREEN).decided()).isEqualTo(1);
        assertThat(decided.of(Rag.GREEN).within()).isEqualTo(1);
        // the staffing as the staff and allocation modules give it at that instant
        var staffing = workforce.at(Instant.parse("2024-02-12T23:00:00Z")).block(Duration.ofSeconds(10));
        // with the team names the staffing meters use: a team not configured is "other"
        assertThat(summary.workforce()).isEqualTo(staffing == null ? java.util.List.of()
                : new TeamLabels(staffSettings.teams()).bounded(staffing).roles());
        assertThat(summary.availableWorkers()).isEqualTo(staffing == null ? null : staffing.totalAvailable());
    }

    private double received(String source, String channel) {
        return registry.get("mash.referrals.received").tags("source", source, "channel", channel).counter().count();
    }

    @Test
    void theIntakeCounterCountsEachCommittedIntakeOnceAndNeverARepeatedOrRolledBackOne() {
        double before = received("voluntary", "portal");

        var first = contact(Source.VOLUNTARY, Channel.PORTAL, "CAP-METER-" + System.nanoTime(), "Fairbairn", Rag.AMBER);
        referrals.receive(first).block(Duration.ofSeconds(10));
        // the same external reference again: the referral that exists, and no event
        assertThat(referrals.receive(first).block(Duration.ofSeconds(10)).created()).isFalse();
        // taken in, then rolled back with the surrounding transaction
        transaction.execute(status -> {
            status.setRollbackOnly();
            return referrals.receive(contact(Source.VOLUNTARY, Channel.PORTAL, null, "Gallagher", Rag.AMBER));
        }).blockLast(Duration.ofSeconds(10));
        var last = referrals.receive(contact(Source.VOLUNTARY, Channel.PORTAL, null, "Hollis", Rag.AMBER))
                .block(Duration.ofSeconds(10)).referral();

        // once the last intake is on the board, everything before it has been counted
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
                board.read(state -> state.open().stream().anyMatch(card -> card.id() == last.id()))));
        assertThat(received("voluntary", "portal")).isEqualTo(before + 2);
    }

    @Test
    void aDecisionIsCountedByRagOutcomeAndTimescaleAndTimedFromReceipt() {
        var timer = registry.get("mash.referral.decision").tags("rag", "amber").timer();
        var within = registry.get("mash.referrals.decided")
                .tags("rag", "amber", "outcome", "advice_signposting", "within_timescale", "true").counter();
        long timed = timer.count();
        double counted = within.count();
        double seconds = timer.totalTime(java.util.concurrent.TimeUnit.SECONDS);

        var receivedAt = Instant.now().minus(Duration.ofMinutes(90));
        long id = receive(contact(Source.HEALTH, Channel.PHONE, null, "Ingram", Rag.AMBER), receivedAt.toString());
        referrals.moveTo(id, Stage.SCREENING, receivedAt.plus(Duration.ofMinutes(30))).block(Duration.ofSeconds(10));
        referrals.decide(id, Outcome.ADVICE_SIGNPOSTING, receivedAt.plus(Duration.ofMinutes(60))).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> timer.count() == timed + 1);
        assertThat(within.count()).isEqualTo(counted + 1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.SECONDS) - seconds).isCloseTo(3600, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theOpenAndBreachedGaugesFollowTheBoard() {
        var open = registry.get("mash.referrals.open").tags("stage", "received", "rag", "red").gauge();
        var breached = registry.get("mash.referrals.breached").tags("rag", "red").gauge();
        // received five hours ago as Red (4 h elapsed): open and breached
        long id = receive(contact(Source.POLICE, Channel.PHONE, null, "Jardine", Rag.RED),
                Instant.now().minus(Duration.ofHours(5)).toString());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(open.value()).isEqualTo(board.read(state -> (double) state.count(Stage.RECEIVED, Rag.RED)));
            assertThat(breached.value()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("mash.referrals.oldest.waiting").tags("rag", "red").gauge().value())
                    .isGreaterThanOrEqualTo(5 * 3600);
        });
        double breachedBefore = breached.value();
        referrals.decide(id, Outcome.POLICE_ONLY).block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(breached.value()).isEqualTo(breachedBefore - 1));
    }
}
