package org.mashlive.board.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The police desk: officers on site, on checks and free, and the checks waiting. */
class PoliceDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-26T11:00:00Z");

    private static StaffCard officer(long id, Instant breakSince) {
        return new StaffCard(id, "Officer " + id, StaffRole.MASH_POLICE_OFFICER, "MASH", Contract.FULL_TIME, true,
                breakSince);
    }

    private static ShiftCard onShift(long id, long staffId) {
        return new ShiftCard(id, staffId, NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(6)));
    }

    private static ReferralCard police(long id, Duration ago, PoliceCheck check) {
        var received = NOW.minus(ago);
        return new ReferralCard(id, "MASH-2026-%06d".formatted(id), received, Channel.POLICE_NOTIFICATION,
                Source.POLICE, "A.B.", "k" + id, Rag.AMBER, Stage.SCREENING, Set.of(), false,
                received.plus(Duration.ofHours(24)), null, null, check);
    }

    private static AllocationCard check(long referralId, long staffId) {
        return new AllocationCard(WorkType.POLICE_CHECK, referralId, "MASH-2026-%06d".formatted(referralId), staffId,
                "Officer " + staffId, 1, NOW.minus(Duration.ofMinutes(10)));
    }

    @Test
    void officersHoldingAWaitingCheckAreOnChecksAndNotFree() {
        var staff = List.of(officer(1, null), officer(2, NOW.minus(Duration.ofMinutes(5))), officer(3, null),
                officer(4, null));
        // officer 4 has no shift now: not on site
        var shifts = List.of(onShift(11, 1), onShift(12, 2), onShift(13, 3));
        var open = List.of(police(101, Duration.ofMinutes(40), PoliceCheck.WAITING),
                police(102, Duration.ofMinutes(130), PoliceCheck.WAITING),
                police(103, Duration.ofMinutes(5), PoliceCheck.WAITING),
                police(104, Duration.ofMinutes(300), PoliceCheck.DONE));
        var allocations = List.of(check(101, 1), check(103, 4));
        var state = BoardState.from(new BoardSnapshot(9, NOW, open, LocalDate.of(2026, 11, 26), Map.of(), List.of(),
                List.of(), staff, shifts, RotaSettings.DEFAULT, allocations));

        var desk = state.policeDesk(NOW);

        assertThat(desk.onSite()).isEqualTo(3);
        assertThat(desk.max()).isEqualTo(11);
        assertThat(desk.onChecks()).isEqualTo(1);
        assertThat(desk.free()).isEqualTo(1);
        assertThat(desk.onBreak()).isEqualTo(1);
        assertThat(desk.checksWaiting()).isEqualTo(3);
        assertThat(desk.checksUnallocated()).isEqualTo(1);
        assertThat(desk.oldestWaiting().id()).isEqualTo(102);
        assertThat(desk.oldestAge()).isEqualTo(Duration.ofMinutes(130));
    }

    @Test
    void aCheckDoneLetsItsOfficerGoFree() {
        var staff = List.of(officer(1, null));
        var waiting = police(101, Duration.ofMinutes(40), PoliceCheck.WAITING);
        var state = BoardState.from(new BoardSnapshot(1, NOW, List.of(waiting), LocalDate.of(2026, 11, 26), Map.of(),
                List.of(), List.of(), staff, List.of(onShift(11, 1)), RotaSettings.DEFAULT, List.of(check(101, 1))));
        assertThat(state.policeDesk(NOW).onChecks()).isEqualTo(1);
        assertThat(state.policeDesk(NOW).free()).isZero();

        var done = police(101, Duration.ofMinutes(40), PoliceCheck.DONE);
        assertThat(state.apply(new BoardEvent(2, NOW, BoardEventType.POLICE_CHECK_DONE, done)))
                .isEqualTo(BoardState.Applied.APPLIED);

        var desk = state.policeDesk(NOW);
        assertThat(desk.onChecks()).isZero();
        assertThat(desk.free()).isEqualTo(1);
        assertThat(desk.checksWaiting()).isZero();
        assertThat(desk.oldestWaiting()).isNull();
        assertThat(state.allocation(WorkType.POLICE_CHECK, 101)).isEmpty();
    }

    @Test
    void thePartnersTilesPoliceRowCountsTheChecksWaitingWithTheRequestsToThePolice() {
        // 101 waits past its screening due time, 102 waits in time, 103 is done, 105 is a phone call
        var late = police(101, Duration.ofHours(30), PoliceCheck.WAITING);
        var inTime = police(102, Duration.ofHours(2), PoliceCheck.WAITING);
        var done = police(103, Duration.ofHours(40), PoliceCheck.DONE);
        var asked = new PartnerRequestCard(7, 102, inTime.reference(), Agency.POLICE, null, Rag.AMBER,
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)), 0, null, null, false);
        var housing = new PartnerRequestCard(8, 101, late.reference(), Agency.HOUSING, null, Rag.AMBER,
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)), 0, null, null, false);
        var state = BoardState.from(new BoardSnapshot(1, NOW, List.of(late, inTime, done), LocalDate.of(2026, 11, 26),
                Map.of(), List.of(), List.of(), List.of(), List.of(), RotaSettings.DEFAULT, List.of(),
                List.of(asked, housing)));

        assertThat(state.policeCheckRequests()).extracting(PartnerRequestCard::referralId).containsExactly(101L, 102L);
        assertThat(state.policeCheckRequests()).allSatisfy(check -> {
            assertThat(check.id()).as("never a request's id").isNegative();
            assertThat(check.agency()).isEqualTo(Agency.POLICE);
        });
        var police = state.waitingOnPartners(NOW).stream().filter(row -> row.agency() == Agency.POLICE)
                .findFirst().orElseThrow();
        assertThat(police.open()).isEqualTo(3);
        assertThat(police.overdue()).isEqualTo(1);
        assertThat(police.oldest().referralId()).isEqualTo(101);
        assertThat(police.lateBy()).isEqualTo(Duration.ofHours(6));
        // the desk is what it was: the checks, not the information request
        assertThat(state.policeDesk(NOW).checksWaiting()).isEqualTo(2);
        assertThat(state.partnerRequests()).containsExactlyInAnyOrder(asked, housing);

        // the checks done on 101 take it off the police row, as off the desk; decided, 102 and its request go
        state.apply(new BoardEvent(2, NOW, BoardEventType.POLICE_CHECK_DONE,
                police(101, Duration.ofHours(30), PoliceCheck.DONE)));
        assertThat(state.waitingOnPartners(NOW).stream().filter(row -> row.agency() == Agency.POLICE)
                .findFirst().orElseThrow().open()).isEqualTo(2);
        var decided = new ReferralCard(102, inTime.reference(), inTime.receivedAt(), Channel.POLICE_NOTIFICATION,
                Source.POLICE, "A.B.", "k102", Rag.AMBER, Stage.DECIDED, Set.of(), false, inTime.dueAt(),
                Outcome.POLICE_ONLY, NOW, PoliceCheck.WAITING);
        state.apply(new BoardEvent(3, NOW, BoardEventType.REFERRAL_DECIDED, decided));
        assertThat(state.waitingOnPartners(NOW).stream().filter(row -> row.agency() == Agency.POLICE)
                .findFirst().orElseThrow().open()).isZero();
    }
}
