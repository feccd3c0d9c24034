package org.mashlive.board.api;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The people on the board: staff and shift events folded in, and the out-of-hours contacts. */
class BoardStateRotaTest {

    private static Instant london(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), TestZone.LONDON).toInstant();
    }

    private static final Instant NOW = london("2026-03-16T10:00"); // a Monday

    private static final StaffCard OFFICER = new StaffCard(1, "A. Officer", StaffRole.MASH_POLICE_OFFICER, "Police",
            Contract.FULL_TIME, true, null);
    private static final StaffCard OOH = new StaffCard(2, "J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER, "OOH",
            Contract.PART_TIME, true, null);

    private static ReferralCard card(long id, Instant received) {
        return new ReferralCard(id, "MASH-2026-%06d".formatted(id), received, Channel.PHONE, Source.POLICE, "A.B.",
                "key" + id, Rag.AMBER, Stage.SCREENING, Set.of(), false, received.plus(Duration.ofDays(3)), null, null);
    }

    private static BoardSnapshot snapshot(List<ReferralCard> open, List<StaffCard> staff, List<ShiftCard> shifts) {
        return new BoardSnapshot(5, NOW, open, LocalDate.of(2026, 3, 16), Map.of(), List.of(), List.of(), staff,
                shifts, new RotaSettings(11, 1, CoreHours.WEEKDAYS));
    }

    @Test
    void staffAndShiftEventsChangeTheOfficersOnSiteAndLeaveTheTickerAlone() {
        var state = BoardState.from(snapshot(List.of(), List.of(OFFICER), List.of()));
        assertThat(state.officersOnSite(NOW)).isEqualTo(new Rota.OfficersOnSite(0, 0, 0, 11));

        var shift = new ShiftCard(10, 1, london("2026-03-16T08:00"), london("2026-03-16T16:00"));
        assertThat(state.apply(BoardEvent.of(6, NOW, BoardEventType.SHIFT_ADDED, shift)))
                .isEqualTo(BoardState.Applied.APPLIED);
        assertThat(state.officersOnSite(NOW)).isEqualTo(new Rota.OfficersOnSite(1, 1, 0, 11));

        var onBreak = new StaffCard(1, "A. Officer", StaffRole.MASH_POLICE_OFFICER, "Police", Contract.FULL_TIME, true,
                NOW.minusSeconds(60));
        state.apply(BoardEvent.of(7, NOW, BoardEventType.STAFF_CHANGED, onBreak));
        assertThat(state.officersOnSite(NOW)).isEqualTo(new Rota.OfficersOnSite(1, 0, 1, 11));

        state.apply(BoardEvent.of(8, NOW, BoardEventType.SHIFT_REMOVED, shift));
        assertThat(state.officersOnSite(NOW)).isEqualTo(new Rota.OfficersOnSite(0, 0, 0, 11));

        state.apply(BoardEvent.of(9, NOW, BoardEventType.STAFF_CHANGED, new StaffCard(1, "A. Officer",
                StaffRole.MASH_POLICE_OFFICER, "Police", Contract.FULL_TIME, false, null)));
        assertThat(state.staff()).isEmpty();
        assertThat(state.seq()).isEqualTo(9);
        assertThat(state.recent()).isEmpty();
    }

    @Test
    void contactsTakenOutOfHoursSinceTheLastWorkingDayWaitForPickUpOldestFirst() {
        var open = List.of(
                card(1, london("2026-03-12T20:00")),  // Thursday night: before Friday's start
                card(2, london("2026-03-13T12:00")),  // Friday, core hours
                card(3, london("2026-03-14T03:00")),  // Saturday night
                card(4, london("2026-03-13T18:00")),  // Friday evening
                card(5, london("2026-03-16T09:00"))); // Monday, core hours
        var state = BoardState.from(snapshot(open, List.of(), List.of()));

        var waiting = state.outOfHoursContacts(NOW);

        assertThat(waiting.since()).isEqualTo(london("2026-03-13T08:45"));
        assertThat(waiting.references()).containsExactly("MASH-2026-000004", "MASH-2026-000003");
        assertThat(waiting.count()).isEqualTo(2);
        // by Monday evening Friday's are no longer waiting for pick-up
        assertThat(state.outOfHoursContacts(london("2026-03-16T18:00")).count()).isZero();
    }

    @Test
    void aSnapshotKeepsEveryShiftAheadAndDropsThoseEndedADayBefore() {
        var old = new ShiftCard(1, 2, london("2026-03-14T08:00"), london("2026-03-15T09:00"));
        var recent = new ShiftCard(2, 2, london("2026-03-15T20:45"), london("2026-03-16T09:00"));
        var ahead = new ShiftCard(3, 2, london("2026-03-30T17:00"), london("2026-03-31T09:00"));
        var state = BoardState.from(snapshot(List.of(), List.of(OOH), List.of(old, recent, ahead)));

        assertThat(state.snapshot(NOW).shifts()).containsExactly(recent, ahead);
    }

    @Test
    void theSnapshotTravelsAsJsonAndBackUnchanged() {
        var json = JsonMapper.builder().build();
        var shift = new ShiftCard(3, 2, london("2026-03-16T08:00"), london("2026-03-16T16:00"));
        var event = BoardEvent.of(6, NOW, BoardEventType.SHIFT_ADDED, shift);
        var snapshot = new BoardSnapshot(6, NOW, List.of(card(1, NOW)), LocalDate.of(2026, 3, 16),
                Map.of(Source.POLICE, 1), List.of(new BoardEvent(4, NOW, BoardEventType.REFERRAL_RECEIVED, card(1, NOW))),
                List.of(), List.of(OOH), List.of(shift), new RotaSettings(9, 2, new CoreHours(TestZone.LONDON,
                        java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 30), Set.of(java.time.DayOfWeek.MONDAY),
                        List.of(LocalDate.of(2026, 4, 3)))));

        String text = json.writeValueAsString(snapshot);
        assertThat(json.readValue(text, BoardSnapshot.class)).isEqualTo(snapshot);
        assertThat(text).contains("\"zone\":\"Europe/London\"", "\"dayStart\":\"09:00:00\"", "\"bankHolidays\":[\"2026-04-03\"]");
        var update = json.readValue(json.writeValueAsString(BoardUpdate.of(event)), BoardUpdate.class);
        assertThat(update.event()).isEqualTo(event);
        assertThat(json.writeValueAsString(event)).contains("\"shift\":{\"id\":3,\"staffId\":2");
    }
}
