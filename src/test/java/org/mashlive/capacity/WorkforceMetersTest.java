package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashlive.capacity.api.PartnerRequests;
import org.mashlive.capacity.api.RoleStaffing;
import org.mashlive.staff.StaffProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The staffing meters report exactly what a {@link WorkforceFigures} gives, and nothing without one. */
class WorkforceMetersTest {

    @Test
    void withoutStaffingFiguresNoStaffingSeriesExist() {
        var registry = new SimpleMeterRegistry();
        var meters = new Meters(registry, WorkforceFigures.NONE, PartnerRequestFigures.NONE);
        meters.refresh().block(Duration.ofSeconds(5));

        assertThat(registry.find("mash.staff.on.duty").gauges()).isEmpty();
        assertThat(registry.find("mash.ooh.cover.gap").gauges()).isEmpty();
        assertThat(registry.find("mash.open.referrals.per.available.worker").gauges()).isEmpty();
        assertThat(registry.find("mash.partner.requests.outstanding").gauges()).isEmpty();
    }

    @Test
    void staffingFiguresBecomeGaugesByTeamAndRole() {
        var registry = new SimpleMeterRegistry();
        WorkforceFigures figures = now -> Mono.just(new Workforce(
                List.of(new RoleStaffing("front-door", "SOCIAL_WORKER", 5, 8, 2, 30, 6)),
                Map.of("front-door", 4),
                Map.of("emergency-duty", Duration.ofHours(3))));
        PartnerRequestFigures partners = now -> Flux.just(new PartnerRequests("POLICE", 3, Duration.ofHours(26)));
        new Meters(registry, figures, partners).refresh().block(Duration.ofSeconds(5));

        assertThat(registry.get("mash.staff.on.duty").tags("team", "front-door", "role", "social_worker").gauge().value())
                .isEqualTo(5);
        assertThat(registry.get("mash.staff.establishment").gauge().value()).isEqualTo(8);
        assertThat(registry.get("mash.staff.vacancies").gauge().value()).isEqualTo(2);
        assertThat(registry.get("mash.staff.caseload.per.worker").gauge().value()).isEqualTo(5);
        assertThat(registry.get("mash.staff.available").tags("team", "front-door").gauge().value()).isEqualTo(4);
        assertThat(registry.get("mash.ooh.cover.gap").tags("team", "emergency-duty").gauge().value())
                .isEqualTo(3 * 3600);
        assertThat(registry.get("mash.partner.requests.outstanding").tags("partner", "POLICE").gauge().value())
                .isEqualTo(3);
        assertThat(registry.get("mash.partner.requests.oldest").gauge().value()).isEqualTo(26 * 3600);
    }

    /**
     * A team is free text anyone who may add a person can type; the metrics are open. Only the
     * configured teams become label values: the rest count together as "other", added up so that
     * totals over teams stay exact.
     */
    @Test
    void onlyConfiguredTeamsBecomeLabelValuesAndTheRestCountAsOther() {
        var registry = new SimpleMeterRegistry();
        String hostile = "<script>alert(1)</script>\" } evil_metric{x=\"1";
        WorkforceFigures figures = now -> Mono.just(new Workforce(
                List.of(new RoleStaffing("front-door", "SOCIAL_WORKER", 5, 8, 2, 30, 6),
                        new RoleStaffing(hostile, "SOCIAL_WORKER", 1, 1.5, 0.5, 4, 1),
                        new RoleStaffing("Team " + System.nanoTime(), "SOCIAL_WORKER", 2, 2, 0, 6, 2),
                        new RoleStaffing(Staffing.UNASSIGNED, "MANAGER", 0, 1, 1, 0, 0)),
                Map.of("front-door", 4, hostile, 1, "Night team", 2),
                Map.of(hostile, Duration.ofHours(3), "Night team", Duration.ofHours(2))));
        new Meters(registry, figures, PartnerRequestFigures.NONE, List.of("front-door")).refresh()
                .block(Duration.ofSeconds(5));

        for (String name : List.of("mash.staff.on.duty", "mash.staff.establishment", "mash.staff.vacancies",
                "mash.staff.caseload.per.worker", "mash.staff.available", "mash.ooh.cover.gap")) {
            assertThat(registry.find(name).gauges()).as(name)
                    .allSatisfy(gauge -> assertThat(gauge.getId().getTag("team"))
                            .isIn("front-door", TeamLabels.OTHER, Staffing.UNASSIGNED));
        }
        var other = registry.get("mash.staff.on.duty").tags("team", TeamLabels.OTHER, "role", "social_worker");
        assertThat(other.gauge().value()).isEqualTo(3);
        assertThat(registry.get("mash.staff.establishment").tags("team", TeamLabels.OTHER).gauge().value())
                .isEqualTo(3.5);
        assertThat(registry.get("mash.staff.caseload.per.worker").tags("team", TeamLabels.OTHER).gauge().value())
                .isEqualTo(10.0 / 3);
        assertThat(registry.get("mash.staff.available").tags("team", TeamLabels.OTHER).gauge().value()).isEqualTo(3);
        assertThat(registry.get("mash.ooh.cover.gap").tags("team", TeamLabels.OTHER).gauge().value())
                .isEqualTo(3 * 3600);
        assertThat(registry.get("mash.staff.on.duty").tags("team", Staffing.UNASSIGNED).gauge().value()).isZero();
    }

    @Test
    void openReferralsPerAvailableWorkerIsInfiniteWithNobodyAvailable() {
        assertThat(WorkforceMeters.perAvailableWorker(12, 4)).isEqualTo(3);
        assertThat(WorkforceMeters.perAvailableWorker(0, 0)).isZero();
        assertThat(WorkforceMeters.perAvailableWorker(3, 0)).isInfinite();
    }

    /** The meters on a registry of their own, without a board (the per-worker gauge reads NaN then). */
    private static final class Meters {

        private final WorkforceMeters meters;

        Meters(SimpleMeterRegistry registry, WorkforceFigures workforce, PartnerRequestFigures partners) {
            this(registry, workforce, partners, List.of("front-door", "emergency-duty"));
        }

        Meters(SimpleMeterRegistry registry, WorkforceFigures workforce, PartnerRequestFigures partners,
               List<String> teams) {
            var beans = new org.springframework.context.support.StaticApplicationContext();
            beans.registerBean(WorkforceFigures.class, () -> workforce);
            beans.registerBean(PartnerRequestFigures.class, () -> partners);
            beans.refresh();
            this.meters = new WorkforceMeters(beans.getBeanProvider(WorkforceFigures.class),
                    beans.getBeanProvider(PartnerRequestFigures.class), null, new CapacityProperties(Duration.ofSeconds(30)),
                    new StaffProperties(11, 1, new BigDecimal("0.5"), new BigDecimal("0.5"), false, teams), registry, Clock.fixed(Instant.parse("2026-03-10T14:00:00Z"), ZoneOffset.UTC));
        }

        Mono<Void> refresh() {
            return meters.refresh();
        }
    }
}
