package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CoreHoursTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);
    final CoreHours core = CoreHours.standard(Set.of(FRIDAY.plusDays(3)));

    @Test
    void takesItsHoursDaysAndZoneFromTheHubsCalendar() {
        var calendar = new org.mashlive.platform.WorkingCalendar(java.time.ZoneId.of("Europe/Dublin"),
                java.time.LocalTime.of(9, 0), java.time.LocalTime.of(16, 30),
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY), Set.of());
        var hub = CoreHours.of(calendar);

        assertThat(hub.zone()).isEqualTo(java.time.ZoneId.of("Europe/Dublin"));
        assertThat(hub.open(FRIDAY.atTime(10, 0))).as("Friday is not worked here").isFalse();
        assertThat(hub.open(FRIDAY.minusDays(1).atTime(8, 50))).isFalse();
        // Thursday 16:00 + 1 h: half an hour on Thursday, the rest from Monday 09:00
        assertThat(hub.plus(FRIDAY.minusDays(1).atTime(16, 0), Duration.ofHours(1)))
                .isEqualTo(FRIDAY.plusDays(3).atTime(9, 30));
    }

    @Test
    void workInsideTheDayEndsTheSameDay() {
        assertThat(core.plus(FRIDAY.atTime(10, 0), Duration.ofMinutes(90))).isEqualTo(FRIDAY.atTime(11, 30));
        assertThat(core.plus(FRIDAY.atTime(16, 0), Duration.ofHours(1))).isEqualTo(FRIDAY.atTime(17, 0));
    }

    @Test
    void workLeftAtCloseWaitsForTheNextWorkingDay() {
        // Monday is a bank holiday here
        assertThat(core.plus(FRIDAY.atTime(16, 30), Duration.ofHours(1))).isEqualTo(FRIDAY.plusDays(4).atTime(9, 15));
    }

    @Test
    void workArrivingOutOfHoursStartsWhenTheHubOpens() {
        assertThat(core.plus(FRIDAY.atTime(22, 0), Duration.ofMinutes(30))).isEqualTo(FRIDAY.plusDays(4).atTime(9, 15));
        assertThat(core.plus(FRIDAY.atTime(7, 0), Duration.ZERO)).isEqualTo(FRIDAY.atTime(8, 45));
        assertThat(core.open(FRIDAY.atTime(8, 45))).isTrue();
        assertThat(core.open(FRIDAY.atTime(17, 0))).isFalse();
        assertThat(core.open(FRIDAY.plusDays(1).atTime(11, 0))).isFalse();
    }

    @Test
    void severalDaysOfWorkSpanSeveralWorkingDays() {
        LocalDateTime thursday = FRIDAY.minusDays(1).atTime(8, 45);
        // 8h15m a day: Thursday, Friday, then Tuesday after the bank holiday
        assertThat(core.plus(thursday, Duration.ofMinutes(495 * 2 + 60))).isEqualTo(FRIDAY.plusDays(4).atTime(9, 45));
    }
}
