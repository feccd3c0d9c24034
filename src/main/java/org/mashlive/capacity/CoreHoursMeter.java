package org.mashlive.capacity;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * {@code mash_core_hours}: 1 while the hub's working calendar says it is core hours (working day,
 * between the day's start and end, bank holidays excluded), 0 otherwise; read at every scrape.
 *
 * <p>Prometheus knows only UTC and no bank holidays, so alerts that make sense only while the
 * whole team is in (the queue per available worker, say) multiply by this series rather than
 * working the calendar out again in PromQL.
 */
@Component
class CoreHoursMeter {

    CoreHoursMeter(MeterRegistry registry, WorkingCalendar calendar, Clock clock) {
        Gauge.builder("mash.core.hours", () -> calendar.isWorkingTime(clock.instant()) ? 1 : 0)
                .description("1 during the hub's core hours (working calendar, bank holidays excluded), else 0")
                .register(registry);
    }
}
