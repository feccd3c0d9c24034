package org.mashlive.board.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One team's part of the board: the board a team's screen shows. A referral is a team's while
 * someone of the team works it (its allocation, or its police checks'); a person is the team's when
 * their {@link StaffCard#team()} names it, with their shifts; the ticker keeps the events of those
 * referrals and people, and the partner requests of those referrals. Today's arrivals (health's parts and
 * the information-only contacts with them), the timescales and the rota's settings stay the hub's: a
 * contact comes in at the hub's front door before any team has it.
 *
 * <p>Team names are those of the staff module ({@code mash.staff.teams}), compared exactly. Work
 * nobody holds is no team's: it is on the whole hub's board, and {@link Hub} counts it for the team
 * boards.
 */
public final class TeamBoard {

    private TeamBoard() {
    }

    /** {@code hub} narrowed to {@code team}: the same sequence and time, fewer cards. */
    public static BoardSnapshot of(BoardSnapshot hub, String team) {
        Set<Long> people = new HashSet<>();
        hub.staff().stream().filter(person -> team.equals(person.team())).forEach(person -> people.add(person.id()));
        Set<Long> work = new HashSet<>();
        hub.allocations().stream().filter(allocation -> people.contains(allocation.staffId()))
                .forEach(allocation -> work.add(allocation.workId()));
        List<ReferralCard> open = hub.open().stream().filter(card -> work.contains(card.id())).toList();
        List<AllocationCard> allocations = hub.allocations().stream()
                .filter(allocation -> work.contains(allocation.workId())).toList();
        List<StaffCard> staff = hub.staff().stream().filter(person -> people.contains(person.id())).toList();
        List<ShiftCard> shifts = hub.shifts().stream().filter(shift -> people.contains(shift.staffId())).toList();
        List<BoardEvent> recent = hub.recent().stream().filter(event -> ours(event, work, people)).toList();
        // a team waits on partners for the referrals it works
        List<PartnerRequestCard> requests = hub.partnerRequests().stream()
                .filter(request -> work.contains(request.referralId())).toList();
        return new BoardSnapshot(hub.seq(), hub.at(), open, hub.day(), hub.arrivals(), recent, hub.timescales(), staff,
                shifts, hub.rota(), allocations, hub.healthArrivals(), hub.informationOnlyArrivals(), requests);
    }

    private static boolean ours(BoardEvent event, Set<Long> work, Set<Long> people) {
        if (event.referral() != null) {
            return work.contains(event.referral().id());
        }
        if (event.allocation() != null) {
            return work.contains(event.allocation().workId()) || people.contains(event.allocation().staffId());
        }
        if (event.staff() != null) {
            return people.contains(event.staff().id());
        }
        return event.shift() != null && people.contains(event.shift().staffId());
    }

    /**
     * The whole hub's figures a team's board still shows beside its own.
     *
     * @param open        every open referral of the hub
     * @param breached    of those, how many are past their timescale
     * @param unallocated of those, how many nobody works yet: no team's
     */
    public record Hub(int open, int breached, int unallocated) {

        /** The hub's figures of {@code state} at {@code now}. */
        public static Hub of(BoardState state, java.time.Instant now) {
            int unallocated = (int) state.open().stream()
                    .filter(card -> state.allocation(WorkType.REFERRAL, card.id()).isEmpty()).count();
            return new Hub(state.openCount(), state.breaches(now).size(), unallocated);
        }
    }
}
