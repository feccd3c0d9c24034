package org.mashlive.staff;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.Rota;
import org.mashlive.board.api.RotaSettings;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffRole;

/** The demo hub's establishment, its people and the rota it lays out, without a database. */
class DemoHubTest {

    private static final StaffProperties SETTINGS = new StaffProperties(11, 1, new BigDecimal("0.5"),
            new BigDecimal("0.5"), null, null);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    private static final CoreHours CORE = new CoreHours(TestZone.LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(CHRISTMAS, CHRISTMAS.plusDays(3)));

    private static List<Person> people() {
        var people = new ArrayList<Person>();
        for (var details : DemoHub.PEOPLE) {
            people.add(new Person(people.size() + 1, details.displayName(), details.role(), details.team(),
                    details.contract(), details.fte(), true, null, null));
        }
        return people;
    }

    @Test
    void theEstablishmentHasVacanciesWherePeopleAreMissingAndCountsPartTimeAndLeanByTheirFraction() {
        var establishment = Establishment.of(DemoHub.ESTABLISHMENT, people(), SETTINGS);

        assertThat(establishment.line(StaffRole.MASH_POLICE_OFFICER).people()).isEqualTo(9);
        assertThat(establishment.line(StaffRole.MASH_POLICE_OFFICER).vacancyFte()).isEqualByComparingTo("2");
        // 5 full time, 0.6 part time, 0.8 lean against 8 funded
        assertThat(establishment.line(StaffRole.SOCIAL_WORKER).inPostFte()).isEqualByComparingTo("6.4");
        assertThat(establishment.line(StaffRole.SOCIAL_WORKER).vacancyFte()).isEqualByComparingTo("1.6");
        // one full time and one part time at the configured 0.5: the paediatric OT post is vacant
        assertThat(establishment.line(StaffRole.MASH_HEALTH_PRACTITIONER).vacancyFte()).isEqualByComparingTo("1.5");
        assertThat(establishment.line(StaffRole.OOH_DUTY_SOCIAL_WORKER).inPostFte()).isEqualByComparingTo("3.6");
        assertThat(establishment.line(StaffRole.MANAGER).vacancyFte()).isEqualByComparingTo("0");
        assertThat(establishment.fundedFte()).isEqualByComparingTo("35");
    }

    @Test
    void aLeaverNoLongerFillsAPostAndOverEstablishmentIsNotAVacancyElsewhere() {
        var people = new ArrayList<>(people());
        var leaver = people.getFirst();
        people.set(0, new Person(leaver.id(), leaver.displayName(), leaver.role(), leaver.team(), leaver.contract(),
                leaver.fte(), false, Instant.EPOCH, null));
        var funded = new java.util.HashMap<>(DemoHub.ESTABLISHMENT);
        funded.put(StaffRole.DUTY_LEAD, new BigDecimal("2"));

        var establishment = Establishment.of(funded, people, SETTINGS);

        assertThat(establishment.line(StaffRole.SOCIAL_WORKER).vacancyFte()).isEqualByComparingTo("2.6");
        assertThat(establishment.line(StaffRole.DUTY_LEAD).vacancyFte()).isEqualByComparingTo("-1");
        // 2.6 social work, 2 police, 1.5 health, 0.5 early help, 0.4 out of hours; the extra lead offsets none
        assertThat(establishment.vacancyFte()).isEqualByComparingTo("7.0").isEqualByComparingTo(
                establishment.lines().stream().map(Establishment.Line::vacancyFte).filter(v -> v.signum() > 0)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void twoWeeksOfRotaOverChristmasHaveNoOverlapsAndAlwaysAGapInTheNext72Hours() {
        var people = people();
        var shifts = new ArrayList<ShiftCard>();
        for (var day = LocalDate.of(2026, 12, 18); day.isBefore(LocalDate.of(2027, 1, 4)); day = day.plusDays(1)) {
            for (var planned : DemoHub.plan(day, CORE.isWorkingDay(day), people, TestZone.LONDON)) {
                shifts.add(new ShiftCard(shifts.size() + 1, planned.person().id(), planned.start(), planned.end()));
            }
        }
        for (var a : shifts) {
            assertThat(Duration.between(a.start(), a.end())).isPositive().isLessThanOrEqualTo(StaffService.LONGEST_SHIFT);
            for (var b : shifts) {
                if (a != b && a.staffId() == b.staffId()) {
                    assertThat(a.start().isBefore(b.end()) && b.start().isBefore(a.end()))
                            .as("%s overlaps %s", a, b).isFalse();
                }
            }
        }
        var rota = new Rota(people.stream().map(Person::card).toList(), shifts, new RotaSettings(11, 1, CORE));
        for (var now = LocalDate.of(2026, 12, 20).atStartOfDay(TestZone.LONDON).toInstant();
             now.isBefore(LocalDate.of(2026, 12, 31).atStartOfDay(TestZone.LONDON).toInstant());
             now = now.plus(Duration.ofHours(5))) {
            var gaps = rota.cover(now).gaps();
            assertThat(gaps).as("gaps at %s", now).isNotEmpty();
            // the deliberate gaps only: 02:00 to the next 08:45 after a cut-short night (or the horizon)
            var horizon = now.plus(Rota.GAP_HORIZON);
            assertThat(gaps).allSatisfy(gap -> assertThat(gap.end().equals(horizon)
                    || gap.end().atZone(TestZone.LONDON).toLocalTime().equals(LocalTime.of(8, 45))).isTrue());
        }
        // Christmas Day, a Friday bank holiday, has out-of-hours day cover and no core-hours shifts
        var christmasShifts = DemoHub.plan(CHRISTMAS, false, people, TestZone.LONDON);
        assertThat(christmasShifts).noneSatisfy(shift -> assertThat(shift.person().role())
                .isEqualTo(StaffRole.SOCIAL_WORKER));
        assertThat(christmasShifts).filteredOn(shift -> shift.person().role() == StaffRole.OOH_DUTY_SOCIAL_WORKER)
                .hasSize(2);
        assertThat(christmasShifts).filteredOn(shift -> shift.person().role() == StaffRole.MASH_POLICE_OFFICER)
                .hasSize(2);
        assertThat(DemoHub.plan(LocalDate.of(2026, 12, 22), true, people, TestZone.LONDON))
                .filteredOn(shift -> shift.person().role() == StaffRole.MASH_POLICE_OFFICER).hasSize(8);
        assertThat(Set.copyOf(DemoHub.PEOPLE).size()).isEqualTo(31);
    }

    /** The demo hub's teams are the default set of team label values, so its metrics name every team. */
    @Test
    void everyTeamOfTheDemoHubIsAConfiguredTeamByDefault() {
        var teams = DemoHub.PEOPLE.stream().map(StaffDetails::team).collect(java.util.stream.Collectors.toSet());
        assertThat(StaffProperties.DEFAULT_TEAMS).containsExactlyInAnyOrderElementsOf(teams);
        assertThat(SETTINGS.teams()).isEqualTo(StaffProperties.DEFAULT_TEAMS);
    }
}
