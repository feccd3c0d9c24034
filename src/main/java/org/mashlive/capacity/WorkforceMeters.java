package org.mashlive.capacity;

import java.time.Clock;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.mashlive.board.LiveBoard;
import org.mashlive.capacity.api.PartnerRequests;
import org.mashlive.capacity.api.RoleStaffing;
import org.mashlive.platform.PeriodicMeters;
import org.mashlive.staff.StaffProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The staffing and partner-request meters, read afresh every {@code mash.capacity.refresh} from
 * the {@link WorkforceFigures} and {@link PartnerRequestFigures} beans (or their {@code NONE}
 * defaults, which leave every series out):
 *
 * <ul>
 *   <li>{@code mash_staff_on_duty{team,role}}, {@code mash_staff_establishment{team,role}},
 *       {@code mash_staff_vacancies{team,role}}, {@code mash_staff_caseload_per_worker{team,role}};</li>
 *   <li>{@code mash_staff_available{team}}: on duty and able to take referrals;</li>
 *   <li>{@code mash_open_referrals_per_available_worker}: open referrals now over the available
 *       workers of every team ({@code +Inf} with referrals open and nobody available);</li>
 *   <li>{@code mash_ooh_cover_gap_seconds{team}}: out-of-hours time in the next 24 hours that the
 *       rota leaves uncovered;</li>
 *   <li>{@code mash_partner_requests_outstanding{partner}},
 *       {@code mash_partner_requests_oldest_seconds{partner}}.</li>
 * </ul>
 *
 * <p>{@code team} takes only the configured teams ({@code mash.staff.teams}), {@code unassigned} and
 * {@code other} ({@link TeamLabels}); {@code role} and {@code partner} come from fixed sets.
 */
@Component
class WorkforceMeters extends PeriodicMeters {

    private final WorkforceFigures workforce;
    private final PartnerRequestFigures partners;
    private final LiveBoard board;
    private final TeamLabels teams;
    private final Clock clock;

    private final MultiGauge onDuty;
    private final MultiGauge establishment;
    private final MultiGauge vacancies;
    private final MultiGauge caseloadPerWorker;
    private final MultiGauge available;
    private final MultiGauge perAvailableWorker;
    private final MultiGauge coverGap;
    private final MultiGauge requestsOutstanding;
    private final MultiGauge requestsOldest;

    WorkforceMeters(ObjectProvider<WorkforceFigures> workforce, ObjectProvider<PartnerRequestFigures> partners,
                    LiveBoard board, CapacityProperties properties, StaffProperties staff, MeterRegistry registry,
                    Clock clock) {
        super(properties.refresh(), "Staffing figures could not be read; the meters keep their last values");
        this.workforce = workforce.getIfAvailable(() -> WorkforceFigures.NONE);
        this.partners = partners.getIfAvailable(() -> PartnerRequestFigures.NONE);
        this.board = board;
        this.teams = new TeamLabels(staff.teams());
        this.clock = clock;
        this.onDuty = gauge(registry, "mash.staff.on.duty", "People on duty now, by team and role", null);
        this.establishment = gauge(registry, "mash.staff.establishment", "Funded posts (FTE), by team and role", null);
        this.vacancies = gauge(registry, "mash.staff.vacancies", "Unfilled posts (FTE), by team and role", null);
        this.caseloadPerWorker = gauge(registry, "mash.staff.caseload.per.worker",
                "Open allocated work per person in post, by team and role", null);
        this.available = gauge(registry, "mash.staff.available", "People on duty able to take referrals, by team",
                null);
        this.perAvailableWorker = gauge(registry, "mash.open.referrals.per.available.worker",
                "Open referrals now per available worker", null);
        this.coverGap = gauge(registry, "mash.ooh.cover.gap",
                "Out-of-hours time in the next 24 hours left uncovered by the rota, by team", "seconds");
        this.requestsOutstanding = gauge(registry, "mash.partner.requests.outstanding",
                "Partner information requests outstanding, by partner", null);
        this.requestsOldest = gauge(registry, "mash.partner.requests.oldest",
                "Age of the oldest outstanding partner information request, by partner", "seconds");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description, String unit) {
        var builder = MultiGauge.builder(name).description(description);
        return (unit == null ? builder : builder.baseUnit(unit)).register(registry);
    }

    /** Reads the figures once and sets every row from them; a figure not known removes its rows. */
    @Override
    protected Mono<Void> refresh() {
        var now = clock.instant();
        Mono<Void> staffing = workforce.at(now)
                .doOnNext(this::show)
                .switchIfEmpty(Mono.fromRunnable(() -> show((Workforce) null)))
                .then();
        Mono<Void> requests = partners.outstanding(now).collectList().doOnNext(this::show).then();
        return staffing.then(requests);
    }

    private void show(Workforce unbounded) {
        if (unbounded == null) {
            for (var gauge : List.of(onDuty, establishment, vacancies, caseloadPerWorker, available,
                    perAvailableWorker, coverGap)) {
                gauge.register(List.of(), true);
            }
            return;
        }
        var figures = teams.bounded(unbounded);
        byRole(onDuty, figures.roles(), RoleStaffing::onDuty);
        byRole(establishment, figures.roles(), RoleStaffing::establishment);
        byRole(vacancies, figures.roles(), RoleStaffing::vacancies);
        caseloadPerWorker.register(figures.roles().stream()
                .filter(role -> role.caseloadPerWorker() != null)
                .map(role -> MultiGauge.Row.of(tags(role), role.caseloadPerWorker()))
                .toList(), true);
        available.register(figures.availableWorkers().entrySet().stream()
                .map(team -> MultiGauge.Row.of(Tags.of("team", team.getKey()), team.getValue()))
                .toList(), true);
        int availableNow = figures.totalAvailable();
        // open referrals are read at each scrape, from the board this instance keeps
        perAvailableWorker.register(List.of(MultiGauge.Row.of(Tags.empty(), board, live -> {
            Integer open = live.read(state -> state.openCount());
            return open == null ? Double.NaN : perAvailableWorker(open, availableNow);
        })), true);
        coverGap.register(figures.coverGaps().entrySet().stream()
                .map(team -> MultiGauge.Row.of(Tags.of("team", team.getKey()), team.getValue().toSeconds()))
                .toList(), true);
    }

    private void show(List<PartnerRequests> requests) {
        requestsOutstanding.register(requests.stream()
                .map(partner -> MultiGauge.Row.of(Tags.of("partner", partner.partner()), partner.outstanding()))
                .toList(), true);
        requestsOldest.register(requests.stream()
                .map(partner -> MultiGauge.Row.of(Tags.of("partner", partner.partner()),
                        partner.oldest().toMillis() / 1000.0))
                .toList(), true);
    }

    private static void byRole(MultiGauge gauge, List<RoleStaffing> roles, ToDoubleFunction<RoleStaffing> value) {
        gauge.register(roles.stream()
                .map(role -> MultiGauge.Row.of(tags(role), value.applyAsDouble(role)))
                .toList(), true);
    }

    /** The team as the staff module names it; the role lower-case, like every enum label. */
    private static Tags tags(RoleStaffing role) {
        return Tags.of("team", role.team(), "role", role.role().toLowerCase(java.util.Locale.ROOT));
    }

    /** Open referrals per available worker: infinite with work open and nobody to take it. */
    static double perAvailableWorker(int open, int availableWorkers) {
        if (availableWorkers > 0) {
            return (double) open / availableWorkers;
        }
        return open == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
}
