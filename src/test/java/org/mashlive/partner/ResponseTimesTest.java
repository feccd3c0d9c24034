package org.mashlive.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Rag;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Due times per agency and RAG on the hub's working calendar: Red elapsed, Amber and Green in working
 * hours (over a weekend and a bank holiday), the configured entries by service before agency before the
 * default, field by field.
 */
class ResponseTimesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WorkingCalendar CALENDAR = new WorkingCalendar(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.parse("2026-05-25")));

    /** Friday 22 May 2026, 15:00 in London; the Monday after is a bank holiday. */
    static final Clock FRIDAY_AFTERNOON = Clock.fixed(london("2026-05-22T15:00"), LONDON);

    static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    /** Properties as the hub would write them in YAML or the environment. */
    static PartnerProperties bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bind("mash.partners", PartnerProperties.class)
                .orElseGet(() -> new PartnerProperties(null));
    }

    final ResponseTimes times = new ResponseTimes(bound(Map.of(
            "mash.partners.response-times.default.red", "4h",
            "mash.partners.response-times.default.amber", "16h",
            "mash.partners.response-times.default.green", "40h",
            "mash.partners.response-times.police.red", "2h",
            "mash.partners.response-times.police.amber", "8h",
            "mash.partners.response-times.health.amber", "24h",
            "mash.partners.response-times.gp.amber", "32h",
            "mash.partners.response-times.acute-trust.red", "6h")), CALENDAR);

    @Test
    void redIsElapsedTimeNightsAndWeekendsIncluded() {
        Instant now = FRIDAY_AFTERNOON.instant();
        assertThat(times.dueAt(now, Agency.POLICE, null, Rag.RED)).isEqualTo(london("2026-05-22T17:00"));
        assertThat(times.dueAt(now, Agency.EDUCATION, null, Rag.RED)).isEqualTo(london("2026-05-22T19:00"));
        // a service's own entry wins over its agency's and the default
        assertThat(times.dueAt(now, Agency.HEALTH, HealthService.ACUTE_TRUST, Rag.RED))
                .isEqualTo(london("2026-05-22T21:00"));
    }

    @Test
    void amberAndGreenCountWorkingHoursOnly() {
        Instant now = FRIDAY_AFTERNOON.instant();
        // police Amber 8 working hours: 2 on Friday, the weekend and the bank holiday skipped, 6 on Tuesday
        assertThat(times.dueAt(now, Agency.POLICE, null, Rag.AMBER)).isEqualTo(london("2026-05-26T15:00"));
        // the default Amber, 16 working hours: Friday 2, Tuesday 8, Wednesday 6
        assertThat(times.dueAt(now, Agency.HOUSING, null, Rag.AMBER)).isEqualTo(london("2026-05-27T15:00"));
        // health Amber 24 working hours; the GP's own 32
        assertThat(times.dueAt(now, Agency.HEALTH, HealthService.HEALTH_VISITING, Rag.AMBER))
                .isEqualTo(london("2026-05-28T15:00"));
        assertThat(times.dueAt(now, Agency.HEALTH, HealthService.GP, Rag.AMBER)).isEqualTo(london("2026-05-29T15:00"));
        // Green: police set none, so the default's 40 working hours (five days) apply
        assertThat(times.dueAt(now, Agency.POLICE, null, Rag.GREEN)).isEqualTo(london("2026-06-01T15:00"));
    }

    @Test
    void withNothingConfiguredTheBuiltInDefaultsApply() {
        var defaults = new ResponseTimes(new PartnerProperties(null), CALENDAR);
        assertThat(defaults.allowed(Agency.PROBATION, null, Rag.RED)).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.allowed(Agency.BORDER_FORCE, null, Rag.AMBER)).isEqualTo(Duration.ofHours(16));
        assertThat(defaults.allowed(Agency.HEALTH, HealthService.CAMHS, Rag.GREEN)).isEqualTo(Duration.ofHours(40));
    }

    @Test
    void aTimeThatIsNotPositiveOrANameNoAgencyHasIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new PartnerProperties(Map.of("gp",
                new PartnerProperties.ResponseTime(null, Duration.ZERO, null))))
                .hasMessageContaining("mash.partners.response-times.gp.amber must be positive");
        assertThatThrownBy(() -> new PartnerProperties(Map.of("dentist",
                new PartnerProperties.ResponseTime(Duration.ofHours(1), null, null))))
                .hasMessageContaining("mash.partners.response-times.dentist names no agency or health service");
    }
}
