package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashlive.platform.WorkingCalendar;

/** The core-hours series follows the working calendar, in London time and with its bank holidays. */
class CoreHoursMeterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T07:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    CoreHoursMeterTest() {
        var calendar = new WorkingCalendar(LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 8, 31)));
        new CoreHoursMeter(registry, calendar, clock);
    }

    private double value() {
        return registry.get("mash.core.hours").gauge().value();
    }

    @Test
    void followsTheWorkingDayInLondonTimeAcrossSummerTime() {
        now.set(Instant.parse("2026-06-01T07:44:00Z"));   // Monday 08:44 BST
        assertThat(value()).isZero();
        now.set(Instant.parse("2026-06-01T07:45:00Z"));   // 08:45 BST
        assertThat(value()).isEqualTo(1);
        now.set(Instant.parse("2026-06-01T15:59:00Z"));   // 16:59 BST
        assertThat(value()).isEqualTo(1);
        now.set(Instant.parse("2026-06-01T16:00:00Z"));   // 17:00 BST
        assertThat(value()).isZero();
        now.set(Instant.parse("2026-12-01T16:30:00Z"));   // Tuesday 16:30 GMT
        assertThat(value()).isEqualTo(1);
    }

    @Test
    void weekendsAndBankHolidaysAreNotCoreHours() {
        now.set(Instant.parse("2026-06-06T11:00:00Z"));   // Saturday
        assertThat(value()).isZero();
        now.set(Instant.parse("2026-08-31T11:00:00Z"));   // the summer bank holiday, a Monday
        assertThat(value()).isZero();
    }
}
