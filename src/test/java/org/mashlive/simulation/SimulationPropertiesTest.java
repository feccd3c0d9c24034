package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashlive.platform.PostgresEndpoint;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SimulationPropertiesTest {

    static SimulationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("mash.simulation", SimulationProperties.class);
    }

    @Test
    void defaultsRunADayAtSixtyTimesWithABackfilledBoard() {
        var properties = bind(Map.of());
        assertThat(properties.enabled()).isNull();
        assertThat(properties.speed()).isEqualTo(60);
        assertThat(properties.seed()).isNull();
        assertThat(properties.backfill()).isTrue();
        assertThat(properties.backfillDays()).isEqualTo(3);
        assertThat(properties.contactsPerYear()).isEqualTo(15_000);
    }

    @Test
    void bindsEveryProperty() {
        var properties = bind(Map.of("mash.simulation.enabled", "true", "mash.simulation.speed", "120",
                "mash.simulation.seed", "42", "mash.simulation.backfill", "false",
                "mash.simulation.contacts-per-year", "9000", "mash.simulation.backfill-days", "31"));
        assertThat(properties).isEqualTo(new SimulationProperties(true, 120, 42L, false, 31, 9000));
    }

    @Test
    void onlyRunsWithTheEmbeddedDatabaseUnlessTold() {
        assertThat(bind(Map.of()).runsWith(true)).isTrue();
        assertThat(bind(Map.of()).runsWith(false)).isFalse();
        assertThat(bind(Map.of("mash.simulation.enabled", "false")).runsWith(true)).isFalse();
        assertThat(bind(Map.of("mash.simulation.enabled", "true")).runsWith(false)).isTrue();
    }

    @Test
    void refusesASpeedThatIsNotPositive() {
        assertThatThrownBy(() -> bind(Map.of("mash.simulation.speed", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("mash.simulation.speed");
    }

    @Test
    void refusesABackfillOfNoDaysOrMoreThanAYear() {
        for (var days : java.util.List.of("0", "367")) {
            assertThatThrownBy(() -> bind(Map.of("mash.simulation.backfill-days", days)))
                    .isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("mash.simulation.backfill-days");
        }
    }

    @Test
    void theLifecycleStaysOffWithAnExternalDatabaseAndStopsWhatItStarts() {
        var clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        var external = new PostgresEndpoint("db", 5432, "mash", "mash", "", false);
        var calendar = new org.mashlive.platform.WorkingCalendar(java.time.ZoneId.of("Europe/London"),
                java.time.LocalTime.of(8, 45), java.time.LocalTime.of(17, 0),
                java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY), java.util.Set.of());
        var off = new SimulationLifecycle(bind(Map.of()), external, new RecordingFrontDoor(), clock, calendar);
        off.start();
        assertThat(off.isRunning()).isFalse();

        var on = new SimulationLifecycle(bind(Map.of("mash.simulation.enabled", "true", "mash.simulation.seed", "1")),
                external, new RecordingFrontDoor(), clock, calendar);
        on.start();
        assertThat(on.isRunning()).isTrue();
        on.stop();
        assertThat(on.isRunning()).isFalse();
    }
}
