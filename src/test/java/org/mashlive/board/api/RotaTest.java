package org.mashlive.board.api;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.platform.WorkingCalendar;

/** Cover, handovers and gaps read from known rotas at fixed instants. */
class RotaTest {

    private static final CoreHours CORE = CoreHours.WEEKDAYS;

    private final List<StaffCard> staff = new ArrayList<>();
    private final List<ShiftCard> shifts = new ArrayList<>();

    /** London wall-clock time, for example {@code 2026-03-10T18:00}. */
    private static Instant london(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), TestZone.LONDON).toInstant();
    }

    private StaffCard person(String name, StaffRole role) {
        var card = new StaffCard(staff.size() + 1, name, role, "Team", Contract.FULL_TIME, true, null);
        staff.add(card);
        return card;
    }

    private void shift(StaffCard person, Instant start, Instant end) {
        shifts.add(new ShiftCard(shifts.size() + 100, person.id(), start, end));
    }

    private void shift(StaffCard person, String start, String end) {
        shift(person, london(start), london(end));
    }

    private Rota rota(CoreHours core) {
        return new Rota(staff, shifts, new RotaSettings(11, 1, core));
    }

    private static List<String> names(List<StaffCard> people) {
        return people.stream().map(StaffCard::displayName).toList();
    }

    @Test
    void onAWeekdayEveningTheNightWorkerCoversUntilCoreHoursAndEveryUncoveredNightIsAGap() {
        var patel = person("J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        person("K. Osei", StaffRole.SOCIAL_WORKER);
        shift(patel, "2026-03-10T16:45", "2026-03-11T09:00"); // Tuesday night

        var cover = rota(CORE).cover(london("2026-03-10T18:00"));

        assertThat(cover.coreHours()).isFalse();
        assertThat(names(cover.covering())).containsExactly("J. Patel");
        assertThat(cover.nextHandover()).isEqualTo(london("2026-03-11T08:45"));
        assertThat(cover.nextCoreHours()).isTrue();
        assertThat(cover.gaps()).containsExactly(
                new Rota.CoverGap(london("2026-03-11T17:00"), london("2026-03-12T08:45"), 0, 1),
                new Rota.CoverGap(london("2026-03-12T17:00"), london("2026-03-13T08:45"), 0, 1),
                new Rota.CoverGap(london("2026-03-13T17:00"), london("2026-03-13T18:00"), 0, 1));
    }

    @Test
    void inCoreHoursNobodyCoversOutOfHoursAndTheHandoverIsTheEndOfTheDay() {
        var patel = person("J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        shift(patel, "2026-03-10T16:45", "2026-03-11T09:00");

        var cover = rota(CORE).cover(london("2026-03-10T11:00"));

        assertThat(cover.coreHours()).isTrue();
        assertThat(cover.covering()).isEmpty();
        assertThat(cover.nextHandover()).isEqualTo(london("2026-03-10T17:00"));
        assertThat(cover.nextCoreHours()).isFalse();
        assertThat(names(cover.next())).containsExactly("J. Patel");
    }

    @Test
    void fromFridayNightToMondayMorningEachHandoverIsFoundAndTheOneGapShows() {
        var patel = person("J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        var osei = person("K. Osei", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        var brown = person("L. Brown", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        shift(patel, "2026-03-13T16:45", "2026-03-14T09:00"); // Friday night
        shift(osei, "2026-03-14T08:45", "2026-03-14T21:00");  // Saturday day
        shift(brown, "2026-03-14T20:45", "2026-03-15T09:00"); // Saturday night
        shift(osei, "2026-03-15T08:45", "2026-03-15T21:00");  // Sunday day
        shift(patel, "2026-03-15T20:45", "2026-03-16T02:00"); // Sunday night, cut short
        var rota = rota(CORE);

        var friday = rota.cover(london("2026-03-13T18:00"));
        assertThat(names(friday.covering())).containsExactly("J. Patel");
        assertThat(friday.nextHandover()).isEqualTo(london("2026-03-14T08:45"));
        assertThat(names(friday.next())).containsExactly("J. Patel", "K. Osei");
        assertThat(friday.gaps()).first().isEqualTo(
                new Rota.CoverGap(london("2026-03-16T02:00"), london("2026-03-16T08:45"), 0, 1));

        var sundayNight = rota.cover(london("2026-03-15T23:00"));
        assertThat(names(sundayNight.covering())).containsExactly("J. Patel");
        assertThat(sundayNight.nextHandover()).isEqualTo(london("2026-03-16T02:00"));
        assertThat(sundayNight.next()).isEmpty();
        assertThat(sundayNight.nextCoreHours()).isFalse();

        var inTheGap = rota.cover(london("2026-03-16T03:00"));
        assertThat(inTheGap.covering()).isEmpty();
        assertThat(inTheGap.gaps()).first().isEqualTo(
                new Rota.CoverGap(london("2026-03-16T03:00"), london("2026-03-16T08:45"), 0, 1));
    }

    @Test
    void aBankHolidayHasNoCoreHoursSoItsDayNeedsOutOfHoursCover() {
        // Good Friday 2026 is a bank holiday of the calendar
        var calendar = new WorkingCalendar(TestZone.LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 4, 3)));
        var core = new CoreHours(calendar.zone(), calendar.dayStart(), calendar.dayEnd(), calendar.workingDays(),
                List.copyOf(calendar.bankHolidays()));
        var patel = person("J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        shift(patel, "2026-04-02T16:45", "2026-04-03T09:00");
        var rota = rota(core);

        assertThat(core.isCore(london("2026-04-03T10:00"))).isFalse();
        assertThat(core.isCore(london("2026-04-02T10:00"))).isTrue();
        var cover = rota.cover(london("2026-04-02T18:00"));
        assertThat(cover.nextHandover()).isEqualTo(london("2026-04-03T09:00"));
        assertThat(cover.nextCoreHours()).isFalse();
        assertThat(cover.gaps()).first().isEqualTo(
                new Rota.CoverGap(london("2026-04-03T09:00"), london("2026-04-05T18:00"), 0, 1));
        // the same rota on an ordinary Thursday-to-Friday night has its gap only from Friday 17:00
        var ordinary = rota(CORE).cover(london("2026-04-02T18:00"));
        assertThat(ordinary.gaps()).first().extracting(Rota.CoverGap::start).isEqualTo(london("2026-04-03T17:00"));
    }

    @Test
    void aShiftThatCrossesMidnightCoversBothDays() {
        var osei = person("K. Osei", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        shift(osei, "2026-03-10T22:00", "2026-03-11T06:00");
        var rota = rota(CORE);

        assertThat(names(rota.cover(london("2026-03-10T23:59")).covering())).containsExactly("K. Osei");
        assertThat(names(rota.cover(london("2026-03-11T00:01")).covering())).containsExactly("K. Osei");
        assertThat(rota.presence(osei, london("2026-03-11T05:59"))).isEqualTo(Presence.ON_SHIFT);
        assertThat(rota.presence(osei, london("2026-03-11T06:00"))).isEqualTo(Presence.OFF);
        assertThat(rota.gaps(london("2026-03-10T21:00"), london("2026-03-11T12:00"))).containsExactly(
                new Rota.CoverGap(london("2026-03-10T21:00"), london("2026-03-10T22:00"), 0, 1),
                new Rota.CoverGap(london("2026-03-11T06:00"), london("2026-03-11T08:45"), 0, 1));
    }

    @Test
    void whenTheClocksGoBackAShiftEndingAt0130BstAndOneStartingAt0130GmtLeaveAnHourUncovered() {
        // Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice
        var patel = person("J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        var osei = person("K. Osei", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        shift(patel, Instant.parse("2026-10-24T16:00:00Z"), Instant.parse("2026-10-25T00:30:00Z")); // 17:00 to 01:30 BST
        shift(osei, Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("2026-10-25T09:00:00Z"));  // 01:30 to 09:00 GMT
        var rota = rota(CORE);

        var gaps = rota.gaps(Instant.parse("2026-10-24T20:00:00Z"), Instant.parse("2026-10-25T09:00:00Z"));

        assertThat(gaps).hasSize(1);
        assertThat(gaps.getFirst().start()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(gaps.getFirst().end()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(Duration.between(gaps.getFirst().start(), gaps.getFirst().end())).isEqualTo(Duration.ofHours(1));
        assertThat(rota.nextHandover(Instant.parse("2026-10-24T23:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        // Monday's core hours start at 08:45 GMT, that is 08:45 UTC
        assertThat(CORE.isCore(Instant.parse("2026-10-26T08:45:00Z"))).isTrue();
        assertThat(CORE.isCore(Instant.parse("2026-10-26T08:44:00Z"))).isFalse();
    }

    @Test
    void twoOnDutyAgainstAMinimumOfTwoIsCoverAndOneIsAGapWithTheCountShown() {
        var patel = person("J. Patel", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        var osei = person("K. Osei", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        shift(patel, "2026-03-10T17:00", "2026-03-11T08:45");
        shift(osei, "2026-03-10T17:00", "2026-03-11T03:00");
        var rota = new Rota(staff, shifts, new RotaSettings(11, 2, CORE));

        assertThat(rota.gaps(london("2026-03-10T17:00"), london("2026-03-11T12:00"))).containsExactly(
                new Rota.CoverGap(london("2026-03-11T03:00"), london("2026-03-11T08:45"), 1, 2));
    }

    @Test
    void officersOnSiteCountBreaksAsOnSiteButNotFreeAndABreakFromAnEarlierShiftHasExpired() {
        var now = london("2026-03-10T11:00");
        var free = person("A. Officer", StaffRole.MASH_POLICE_OFFICER);
        var resting = new StaffCard(2, "B. Officer", StaffRole.MASH_POLICE_OFFICER, "Police", Contract.FULL_TIME,
                true, london("2026-03-10T10:50"));
        staff.add(resting);
        var stale = new StaffCard(3, "C. Officer", StaffRole.MASH_POLICE_OFFICER, "Police", Contract.FULL_TIME,
                true, london("2026-03-09T12:00"));
        staff.add(stale);
        var off = person("D. Officer", StaffRole.MASH_POLICE_OFFICER);
        var left = new StaffCard(5, "E. Officer", StaffRole.MASH_POLICE_OFFICER, "Police", Contract.FULL_TIME,
                false, null);
        staff.add(left);
        for (var officer : List.of(free, resting, stale, left)) {
            shift(officer, "2026-03-10T08:00", "2026-03-10T16:00");
        }
        shift(off, "2026-03-10T12:00", "2026-03-10T20:00");
        var rota = rota(CORE);

        assertThat(rota.officers(now)).isEqualTo(new Rota.OfficersOnSite(3, 2, 1, 11));
        assertThat(rota.presence(resting, now)).isEqualTo(Presence.ON_BREAK);
        assertThat(rota.presence(stale, now)).isEqualTo(Presence.ON_SHIFT);
        assertThat(rota.presence(off, now)).isEqualTo(Presence.OFF);
    }

    @Test
    void theLastWorkingDayIsTheLastWhoseCoreHoursHaveEnded() {
        assertThat(CORE.startOfLastWorkingDay(london("2026-03-16T07:00"))).isEqualTo(london("2026-03-13T08:45"));
        assertThat(CORE.startOfLastWorkingDay(london("2026-03-16T10:00"))).isEqualTo(london("2026-03-13T08:45"));
        assertThat(CORE.startOfLastWorkingDay(london("2026-03-16T17:00"))).isEqualTo(london("2026-03-16T08:45"));
        assertThat(CORE.startOfLastWorkingDay(london("2026-03-14T12:00"))).isEqualTo(london("2026-03-13T08:45"));
    }
}
