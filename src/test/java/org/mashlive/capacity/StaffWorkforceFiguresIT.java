package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.allocation.AllocateCase;
import org.mashlive.allocation.AllocationService;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.WorkType;
import org.mashlive.capacity.api.RoleStaffing;
import org.mashlive.referral.Child;
import org.mashlive.referral.Consent;
import org.mashlive.referral.NewReferral;
import org.mashlive.referral.ReferralService;
import org.mashlive.staff.Person;
import org.mashlive.staff.StaffDetails;
import org.mashlive.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staffing figures from the real embedded PostgreSQL: people, contracts, shifts and the
 * establishment written through the staff module, a case allocated through the allocation module,
 * read at a fixed instant (Tuesday 4 June 2030 12:00 UTC, 13:00 in London, core hours) that no
 * other test's shifts reach. The database is shared, so the figures are read for a team of this
 * test's own.
 */
@BackendTest
class StaffWorkforceFiguresIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2030-06-04T12:00:00Z");

    @Autowired StaffWorkforceFigures figures;
    @Autowired StaffService staff;
    @Autowired AllocationService allocation;
    @Autowired ReferralService referrals;

    private final String team = "Workforce " + System.nanoTime();

    private Person hire(String name, StaffRole role, Contract contract, String fte) {
        return staff.hire(new StaffDetails(name, role, team, contract, fte == null ? null : new BigDecimal(fte)))
                .block(WAIT);
    }

    private void shift(Person person, String start, String end) {
        staff.addShift(person.id(), Instant.parse(start), Instant.parse(end)).block(WAIT);
    }

    private RoleStaffing row(Workforce workforce, StaffRole role) {
        return workforce.roles().stream().filter(r -> r.team().equals(team) && r.role().equals(role.name()))
                .findFirst().orElseThrow();
    }

    @Test
    void theFiguresOfATeamComeFromItsPeopleShiftsPostsAndCases() {
        var onShift = hire("A. Early", StaffRole.EARLY_HELP_WORKER, Contract.FULL_TIME, null);
        var lean = hire("B. Early", StaffRole.EARLY_HELP_WORKER, Contract.LEAN, "0.8");
        hire("C. Early", StaffRole.EARLY_HELP_WORKER, Contract.PART_TIME, null);
        var ooh = hire("D. Night", StaffRole.OOH_DUTY_SOCIAL_WORKER, Contract.FULL_TIME, null);
        shift(onShift, "2030-06-04T07:45:00Z", "2030-06-04T16:00:00Z");
        shift(lean, "2030-06-04T07:45:00Z", "2030-06-04T16:00:00Z");
        // tonight's cover from 17:00 London ends at 02:00: a gap until 08:45 London
        shift(ooh, "2030-06-04T16:00:00Z", "2030-06-05T01:00:00Z");
        staff.setEstablishment(StaffRole.EARLY_HELP_WORKER, new BigDecimal("40")).block(WAIT);

        var referral = referrals.receive(new NewReferral(null, Channel.EMAIL, Source.EDUCATION, null, null,
                new Child("Workforce", "Figures", LocalDate.of(2017, 4, 5)), "Worried.", Rag.GREEN, Set.of(),
                Consent.GIVEN, null)).block(WAIT).referral();
        allocation.allocate(new AllocateCase(WorkType.REFERRAL, referral.id(), onShift.id(), null, null, true), "test")
                .block(WAIT);
        await().atMost(WAIT).until(() -> allocation.caseloads().block(WAIT).getOrDefault(onShift.id(), 0) == 1);

        var workforce = figures.at(NOW).block(WAIT);
        var early = row(workforce, StaffRole.EARLY_HELP_WORKER);
        assertThat(early.onDuty()).isEqualTo(2);
        assertThat(early.workers()).isEqualTo(3);
        assertThat(early.caseload()).isEqualTo(1);
        assertThat(early.caseloadPerWorker()).isEqualTo(1 / 3.0);
        assertThat(workforce.availableWorkers().get(team)).isEqualTo(2);

        // 1 + 0.8 + the part-time default 0.5 of the role's FTE in post, of 40 funded
        var line = staff.establishment().block(WAIT).line(StaffRole.EARLY_HELP_WORKER);
        double share = 2.3 / line.inPostFte().doubleValue();
        assertThat(early.establishment()).isCloseTo(40 * share, within(0.006));
        assertThat(early.vacancies()).isCloseTo(40 * share - 2.3, within(0.011));
        assertThat(workforce.roles().stream().filter(r -> r.role().equals("EARLY_HELP_WORKER"))
                .mapToDouble(RoleStaffing::establishment).sum()).isCloseTo(40, within(0.05));

        var night = row(workforce, StaffRole.OOH_DUTY_SOCIAL_WORKER);
        assertThat(night.onDuty()).isZero();
        // 01:00 to 07:45 UTC tomorrow
        assertThat(workforce.coverGaps().get(team)).isEqualTo(Duration.ofMinutes(6 * 60 + 45));
    }

    @Test
    void someoneOnABreakIsOnDutyButNotAvailable() {
        // a break can only be taken on a shift under way, so this one reads the real now
        Instant now = Instant.now();
        var working = hire("E. Working", StaffRole.SENIOR_PRACTITIONER, Contract.FULL_TIME, null);
        var resting = hire("F. Resting", StaffRole.SENIOR_PRACTITIONER, Contract.FULL_TIME, null);
        for (var person : java.util.List.of(working, resting)) {
            staff.addShift(person.id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7))).block(WAIT);
        }
        staff.setBreak(resting.id(), true).block(WAIT);

        var workforce = figures.at(Instant.now()).block(WAIT);
        assertThat(row(workforce, StaffRole.SENIOR_PRACTITIONER).onDuty()).isEqualTo(2);
        assertThat(workforce.availableWorkers().get(team)).isEqualTo(1);
    }
}
