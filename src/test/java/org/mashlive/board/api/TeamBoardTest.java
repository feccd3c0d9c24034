package org.mashlive.board.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A team's part of the board: the referrals its people work, its people and their shifts, their events. */
class TeamBoardTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private static ReferralCard card(long id, Instant dueAt) {
        return new ReferralCard(id, "MASH-2026-%06d".formatted(id), NOW.minus(Duration.ofHours(2)), Channel.PHONE,
                Source.POLICE, "A.B.", "key" + id, Rag.RED, Stage.SCREENING, Set.of(), false, dueAt, null, null);
    }

    private static StaffCard person(long id, String team) {
        return new StaffCard(id, "P. " + id, StaffRole.SOCIAL_WORKER, team, Contract.FULL_TIME, true, null);
    }

    private static AllocationCard allocation(WorkType type, long workId, long staffId) {
        return new AllocationCard(type, workId, "MASH-2026-%06d".formatted(workId), staffId, "P. " + staffId, 1,
                NOW.minus(Duration.ofHours(1)));
    }

    /** Early help works 1 (and the police checks of 3); MASH police works 2; nobody has 4, which is breached. */
    private static BoardSnapshot hub() {
        var open = List.of(card(1, NOW.plusSeconds(600)), card(2, NOW.plusSeconds(600)), card(3, NOW.plusSeconds(600)),
                card(4, NOW.minusSeconds(60)));
        var staff = List.of(person(10, "Early help"), person(20, "MASH police"), person(30, "Early help "));
        var shifts = List.of(new ShiftCard(100, 10, NOW.minusSeconds(3600), NOW.plusSeconds(3600)),
                new ShiftCard(200, 20, NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        var allocations = List.of(allocation(WorkType.REFERRAL, 1, 10), allocation(WorkType.REFERRAL, 2, 20),
                allocation(WorkType.REFERRAL, 3, 20), allocation(WorkType.POLICE_CHECK, 3, 10));
        var recent = List.<BoardEvent>of(new BoardEvent(9, NOW, BoardEventType.RAG_CHANGED, open.get(1)),
                new BoardEvent(8, NOW, BoardEventType.RAG_CHANGED, open.get(0)),
                BoardEvent.of(7, NOW, BoardEventType.STAFF_CHANGED, staff.get(1)),
                BoardEvent.of(6, NOW, BoardEventType.STAFF_CHANGED, staff.get(0)));
        return new BoardSnapshot(9, NOW, open, LocalDate.of(2026, 3, 10), Map.of(Source.POLICE, 4), recent,
                List.of(), staff, shifts, RotaSettings.DEFAULT, allocations);
    }

    @Test
    void keepsTheReferralsItsPeopleWorkItsPeopleTheirShiftsAndTheirEvents() {
        var team = TeamBoard.of(hub(), "Early help");

        assertThat(team.open()).extracting(ReferralCard::id).containsExactly(1L, 3L);
        assertThat(team.staff()).extracting(StaffCard::id).as("team names are compared exactly").containsExactly(10L);
        assertThat(team.shifts()).extracting(ShiftCard::id).containsExactly(100L);
        assertThat(team.allocations()).extracting(AllocationCard::workId).containsOnly(1L, 3L);
        assertThat(team.recent()).extracting(BoardEvent::seq).containsExactly(8L, 6L);
        // what no team has yet stays the hub's
        assertThat(team.arrivals()).isEqualTo(Map.of(Source.POLICE, 4));
        assertThat(team.seq()).isEqualTo(9);

        assertThat(TeamBoard.of(hub(), "MASH police").open()).extracting(ReferralCard::id).containsExactly(2L, 3L);
        assertThat(TeamBoard.of(hub(), "Out of hours").open()).isEmpty();
    }

    @Test
    void theHubsFiguresCountEveryOpenReferralItsBreachesAndWhatNobodyWorks() {
        assertThat(TeamBoard.Hub.of(BoardState.from(hub()), NOW)).isEqualTo(new TeamBoard.Hub(4, 1, 1));
    }
}
