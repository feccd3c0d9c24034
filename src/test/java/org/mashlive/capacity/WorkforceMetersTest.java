package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

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
            var beans = new org.springframework.context.support.StaticApplicationContext();
            beans.registerBean(WorkforceFigures.class, () -> workforce);
            beans.registerBean(PartnerRequestFigures.class, () -> partners);
            beans.refresh();
            this.meters = new WorkforceMeters(beans.getBeanProvider(WorkforceFigures.class),
                    beans.getBeanProvider(PartnerRequestFigures.class), null, new CapacityProperties(Duration.ofSeconds(30)),
                    registry, Clock.fixed(Instant.parse("2026-03-10T14:00:00Z"), ZoneOffset.UTC));
        }

        Mono<Void> refresh() {
            return meters.refresh();
        }
    }
}
