package org.mashlive.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.platform.PeriodicMeters;
import org.mashlive.platform.WorkingCalendar;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Professional disagreements as meters, by agency (seven values, every one present from the start at
 * zero, so dashboards and the alert have a series before the first disagreement): opened and resolved
 * (counters), open now and overdue now (gauges, read from the database every
 * {@code mash.escalations.refresh}), and the oldest open one's age in working days. Every instance
 * reads the whole hub, so queries take the max across instances.
 */
@Component
class EscalationMeters extends PeriodicMeters {

    private record Figures(Map<Escalations.Agency, Integer> open, Map<Escalations.Agency, Integer> overdue,
                           double oldestWorkingDays) {
    }

    private final Map<Escalations.Agency, Counter> opened = new EnumMap<>(Escalations.Agency.class);
    private final Map<Escalations.Agency, Counter> resolved = new EnumMap<>(Escalations.Agency.class);
    private final AtomicReference<Figures> figures = new AtomicReference<>(
            new Figures(Map.of(), Map.of(), 0));
    private final DatabaseClient db;
    private final WorkingCalendar calendar;
    private final EscalationProperties settings;
    private final Clock clock;

    EscalationMeters(MeterRegistry registry, DatabaseClient db, WorkingCalendar calendar, EscalationProperties settings,
                     Clock clock) {
        super(settings.refresh(),
                "Could not read the open professional disagreements; the meters keep their last values");
        for (var agency : Escalations.Agency.values()) {
            String label = agency.name().toLowerCase(java.util.Locale.ROOT);
            opened.put(agency, Counter.builder("mash.escalations.opened")
                    .description("Professional disagreements raised with a partner agency").tag("agency", label)
                    .register(registry));
            resolved.put(agency, Counter.builder("mash.escalations.resolved")
                    .description("Professional disagreements resolved").tag("agency", label).register(registry));
            Gauge.builder("mash.escalations.open", figures, f -> f.get().open().getOrDefault(agency, 0))
                    .description("Professional disagreements open now").tag("agency", label).register(registry);
            Gauge.builder("mash.escalations.overdue", figures, f -> f.get().overdue().getOrDefault(agency, 0))
                    .description("Professional disagreements open longer than mash.escalations.alert-after-working-days")
                    .tag("agency", label).register(registry);
        }
        Gauge.builder("mash.escalations.oldest.open.working.days", figures, f -> f.get().oldestWorkingDays())
                .description("Working days the oldest open professional disagreement has been open").register(registry);
        this.db = db;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected Mono<Void> refresh() {
        long day = Duration.between(calendar.dayStart(), calendar.dayEnd()).toSeconds();
        return db.sql("SELECT agency, opened_at FROM escalation WHERE resolved_at IS NULL")
                .map(row -> Map.entry(Escalations.Agency.valueOf(row.get("agency", String.class)),
                        row.get("opened_at", OffsetDateTime.class).toInstant()))
                .all().collectList()
                .map(open -> {
                    var now = clock.instant();
                    var counts = new EnumMap<Escalations.Agency, Integer>(Escalations.Agency.class);
                    var late = new EnumMap<Escalations.Agency, Integer>(Escalations.Agency.class);
                    double oldest = 0;
                    for (var entry : open) {
                        double days = (double) calendar.workingTimeBetween(entry.getValue(), now).toSeconds() / day;
                        counts.merge(entry.getKey(), 1, Integer::sum);
                        if (days > settings.alertAfterWorkingDays()) {
                            late.merge(entry.getKey(), 1, Integer::sum);
                        }
                        oldest = Math.max(oldest, days);
                    }
                    return new Figures(counts, late, oldest);
                })
                .doOnNext(figures::set)
                .then();
    }

    void opened(String agency) {
        opened.get(Escalations.Agency.valueOf(agency)).increment();
    }

    void resolved(String agency) {
        resolved.get(Escalations.Agency.valueOf(agency)).increment();
    }
}
