package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.Rota;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.capacity.api.RoleStaffing;
import org.mashlive.staff.Establishment;
import org.mashlive.staff.Person;
import org.mashlive.staff.StaffProperties;

/**
 * Each staffing figure against a known hub at a fixed instant: Tuesday 10 March 2026 14:00 (GMT),
 * in core hours.
 */
class StaffingTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
    private static final StaffProperties SETTINGS = new StaffProperties(11, 1, new BigDecimal("0.5"),
            new BigDecimal("0.5"), false, null);
    private static final RotaSettings ROTA = new RotaSettings(11, 1, CoreHours.WEEKDAYS);

    private static final Person FRONT_A = person(1, StaffRole.SOCIAL_WORKER, "Front door", Contract.FULL_TIME, null, null);
    /** Part-time 0.6, on a break since 13:00. */
    private static final Person FRONT_B = person(2, StaffRole.SOCIAL_WORKER, "Front door", Contract.PART_TIME,
            new BigDecimal("0.6"), Instant.parse("2026-03-10T13:00:00Z"));
    /** No shift today. */
    private static final Person FRONT_C = person(3, StaffRole.SOCIAL_WORKER, "Front door", Contract.FULL_TIME, null, null);
    private static final Person DUTY = person(4, StaffRole.SOCIAL_WORKER, "Duty", Contract.FULL_TIME, null, null);
    private static final Person OOH = person(5, StaffRole.OOH_DUTY_SOCIAL_WORKER, "Out of hours", Contract.FULL_TIME,
            null, null);
    private static final Person OFFICER = person(6, StaffRole.MASH_POLICE_OFFICER, "MASH police", Contract.FULL_TIME,
            null, null);

    private static final List<ShiftCard> SHIFTS = List.of(
            shift(1, "2026-03-10T08:45:00Z", "2026-03-10T17:00:00Z"),
            shift(2, "2026-03-10T08:45:00Z", "2026-03-10T17:00:00Z"),
            shift(4, "2026-03-10T08:45:00Z", "2026-03-10T17:00:00Z"),
            shift(6, "2026-03-10T07:00:00Z", "2026-03-10T15:00:00Z"),
            // tonight's out-of-hours cover ends at 02:00: nobody from then until core hours at 08:45
            shift(5, "2026-03-10T17:00:00Z", "2026-03-11T02:00:00Z"));

    /** 5 social workers, 2 out-of-hours, 2 officers and a health practitioner nobody fills. */
    private static final Map<StaffRole, BigDecimal> FUNDED = Map.of(
            StaffRole.SOCIAL_WORKER, new BigDecimal("5"),
            StaffRole.OOH_DUTY_SOCIAL_WORKER, new BigDecimal("2"),
            StaffRole.MASH_POLICE_OFFICER, new BigDecimal("2"),
            StaffRole.MASH_HEALTH_PRACTITIONER, BigDecimal.ONE);

    /** Open cases by staff id; 99 has left the board's people. */
    private static final Map<Long, Integer> CASELOADS = Map.of(1L, 3, 2L, 1, 4L, 2, 6L, 1, 99L, 5);

    private static long shiftIds;

    private static Person person(long id, StaffRole role, String team, Contract contract, BigDecimal fte,
                                 Instant breakSince) {
        return new Person(id, "A. Person" + id, role, team, contract, fte, true, null, breakSince);
    }

    private static ShiftCard shift(long staffId, String start, String end) {
        return new ShiftCard(++shiftIds, staffId, Instant.parse(start), Instant.parse(end));
    }

    private static Workforce staffing(List<Person> people, List<ShiftCard> shifts, RotaSettings settings) {
        var rota = new Rota(people.stream().map(Person::card).toList(), shifts, settings);
        return Staffing.at(NOW, people, person -> Establishment.fteOf(person.contract(), person.fte(), SETTINGS),
                Establishment.of(FUNDED, people, SETTINGS), rota, CASELOADS);
    }

    private static Workforce hub() {
        return staffing(List.of(FRONT_A, FRONT_B, FRONT_C, DUTY, OOH, OFFICER), SHIFTS, ROTA);
    }

    private static RoleStaffing row(Workforce figures, String team, StaffRole role) {
        return figures.roles().stream().filter(r -> r.team().equals(team) && r.role().equals(role.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + team + " " + role));
    }

    @Test
    void onDutyCountsEveryoneOnShiftOnABreakOrNot() {
        var figures = hub();
        assertThat(row(figures, "Front door", StaffRole.SOCIAL_WORKER).onDuty()).isEqualTo(2);
        assertThat(row(figures, "Duty", StaffRole.SOCIAL_WORKER).onDuty()).isEqualTo(1);
        assertThat(row(figures, "MASH police", StaffRole.MASH_POLICE_OFFICER).onDuty()).isEqualTo(1);
        // the out-of-hours worker's shift starts at 17:00
        assertThat(row(figures, "Out of hours", StaffRole.OOH_DUTY_SOCIAL_WORKER).onDuty()).isZero();
    }

    @Test
    void aRoleInOneTeamHasItsWholeEstablishmentThere() {
        var figures = hub();
        var ooh = row(figures, "Out of hours", StaffRole.OOH_DUTY_SOCIAL_WORKER);
        assertThat(ooh.establishment()).isEqualTo(2.0);
        assertThat(ooh.vacancies()).isEqualTo(1.0);
        var police = row(figures, "MASH police", StaffRole.MASH_POLICE_OFFICER);
        assertThat(police.establishment()).isEqualTo(2.0);
        assertThat(police.vacancies()).isEqualTo(1.0);
    }

    @Test
    void aRoleInSeveralTeamsSharesItsPostsByTheFteEachHasInPost() {
        var figures = hub();
        // 2.6 FTE in the front door and 1.0 on duty of 3.6 in post, of 5 funded
        var front = row(figures, "Front door", StaffRole.SOCIAL_WORKER);
        var duty = row(figures, "Duty", StaffRole.SOCIAL_WORKER);
        assertThat(front.establishment()).isEqualTo(3.61);
        assertThat(front.vacancies()).isEqualTo(1.01);
        assertThat(duty.establishment()).isEqualTo(1.39);
        assertThat(duty.vacancies()).isEqualTo(0.39);
        assertThat(front.establishment() + duty.establishment()).isEqualTo(5.0);
        assertThat(front.vacancies() + duty.vacancies()).isCloseTo(5 - 3.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fundedPostsThatNobodyFillsAreReportedUnassigned() {
        var health = row(hub(), Staffing.UNASSIGNED, StaffRole.MASH_HEALTH_PRACTITIONER);
        assertThat(health).isEqualTo(new RoleStaffing(Staffing.UNASSIGNED, "MASH_HEALTH_PRACTITIONER", 0, 1.0, 1.0, 0, 0));
        // a role with neither posts nor people has no row
        assertThat(hub().roles()).noneMatch(r -> r.role().equals(StaffRole.MANAGER.name()));
    }

    @Test
    void caseloadPerWorkerIsTheOpenCasesOfThePeopleInPostOverHowManyTheyAre() {
        var figures = hub();
        var front = row(figures, "Front door", StaffRole.SOCIAL_WORKER);
        // 3, 1 and none
        assertThat(front.caseload()).isEqualTo(4);
        assertThat(front.workers()).isEqualTo(3);
        assertThat(front.caseloadPerWorker()).isEqualTo(4 / 3.0);
        assertThat(row(figures, "Duty", StaffRole.SOCIAL_WORKER).caseloadPerWorker()).isEqualTo(2.0);
        assertThat(row(figures, "Out of hours", StaffRole.OOH_DUTY_SOCIAL_WORKER).caseloadPerWorker()).isZero();
        // the 5 cases of someone no longer in post count for no team
        assertThat(figures.roles().stream().mapToInt(RoleStaffing::caseload).sum()).isEqualTo(7);
    }

    @Test
    void availableWorkersAreOnShiftAndNotOnABreakWithEveryTeamListed() {
        var figures = hub();
        assertThat(figures.availableWorkers()).isEqualTo(Map.of("Front door", 1, "Duty", 1, "MASH police", 1,
                "Out of hours", 0));
        assertThat(figures.totalAvailable()).isEqualTo(3);
        // 12 open referrals over those 3
        assertThat(WorkforceMeters.perAvailableWorker(12, figures.totalAvailable())).isEqualTo(4.0);
    }

    @Test
    void theCoverGapIsTheOutOfHoursTimeOfTheNext24HoursWithTooFewOnTheRota() {
        // 02:00 to 08:45 tomorrow
        assertThat(hub().coverGaps()).isEqualTo(Map.of("Out of hours", Duration.ofMinutes(6 * 60 + 45)));

        // the night covered through to 08:45: no gap, and the team still reports it
        var covered = new ArrayList<>(SHIFTS.subList(0, 4));
        covered.add(shift(5, "2026-03-10T17:00:00Z", "2026-03-11T08:45:00Z"));
        assertThat(staffing(List.of(FRONT_A, OOH), covered, ROTA).coverGaps())
                .isEqualTo(Map.of("Out of hours", Duration.ZERO));

        // nobody in post to cover: the whole of tonight, 17:00 to 08:45, under no team
        assertThat(staffing(List.of(FRONT_A, DUTY), SHIFTS, ROTA).coverGaps())
                .isEqualTo(Map.of(Staffing.UNASSIGNED, Duration.ofMinutes(15 * 60 + 45)));

        // a hub that needs nobody out of hours has no gap to report
        assertThat(staffing(List.of(FRONT_A, OOH), SHIFTS, new RotaSettings(11, 0, CoreHours.WEEKDAYS)).coverGaps())
                .isEmpty();
    }

    @Test
    void peopleWhoHaveLeftCountNowhere() {
        var left = new Person(7, "A. Leaver", StaffRole.SOCIAL_WORKER, "Front door", Contract.FULL_TIME, null, false,
                Instant.parse("2026-03-01T12:00:00Z"), null);
        var figures = staffing(List.of(FRONT_A, left), SHIFTS, ROTA);
        assertThat(row(figures, "Front door", StaffRole.SOCIAL_WORKER).workers()).isEqualTo(1);
        assertThat(row(figures, "Front door", StaffRole.SOCIAL_WORKER).vacancies()).isEqualTo(4.0);
    }
}
