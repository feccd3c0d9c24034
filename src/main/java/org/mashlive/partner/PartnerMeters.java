package org.mashlive.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.PartnerRequestCard;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Partner requests as meters, from the board stream like the referral meters (every instance counts
 * every event once: read them with {@code max}, docs/decisions/0006-metrics-from-the-board-stream.md).
 * The one label, {@code agency}, is bounded: an agency, or for health its service ({@code police},
 * {@code health_gp}, {@code education}, …), thirteen values in all, each registered at start so a
 * panel has its series before the first answer.
 * <ul>
 *   <li>{@code mash_partner_response_seconds{agency}}: from request to answer, a histogram with
 *       buckets from an hour to two weeks, for the median and 90th percentile;</li>
 *   <li>{@code mash_partner_requests_total{agency}}, {@code mash_partner_chases_total{agency}};</li>
 *   <li>{@code mash_partner_requests_waiting{agency}}, {@code mash_partner_requests_overdue{agency}}:
 *       waiting now, and of those past their due time, of open referrals.</li>
 * </ul>
 */
@Component
class PartnerMeters implements DisposableBean {

    /** The buckets of response time: what a hub asks about (within the hour, the day, the week). */
    static final Duration[] BUCKETS = {Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5),
            Duration.ofDays(7), Duration.ofDays(14)};

    private final LiveBoard board;
    private final Clock clock;
    private final Map<String, Timer> response = new HashMap<>();
    private final Map<String, Counter> requested = new HashMap<>();
    private final Map<String, Counter> chased = new HashMap<>();
    private final Disposable subscription;

    PartnerMeters(LiveBoard board, MeterRegistry registry, Clock clock) {
        this.board = board;
        this.clock = clock;
        for (String agency : labels()) {
            response.put(agency, Timer.builder("mash.partner.response")
                    .description("Time from an information request to a partner's answer, by agency")
                    .tag("agency", agency)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
            requested.put(agency, Counter.builder("mash.partner.requests")
                    .description("Information requests sent to partners, by agency")
                    .tag("agency", agency).register(registry));
            chased.put(agency, Counter.builder("mash.partner.chases")
                    .description("Chases of partners for an answer, by agency")
                    .tag("agency", agency).register(registry));
            Gauge.builder("mash.partner.requests.waiting", () -> count(agency, false))
                    .description("Information requests waiting for a partner's answer, by agency")
                    .tag("agency", agency).register(registry);
            Gauge.builder("mash.partner.requests.overdue", () -> count(agency, true))
                    .description("Information requests past their due time, by agency")
                    .tag("agency", agency).register(registry);
        }
        subscription = board.applied().subscribe(this::count);
    }

    /** The {@code agency} label of a request: its agency, or for health its service. */
    static String label(Agency agency, HealthService service) {
        String name = agency == Agency.HEALTH && service != null ? "HEALTH_" + service.name() : agency.name();
        return name.toLowerCase(Locale.ROOT);
    }

    static List<String> labels() {
        var labels = new ArrayList<String>();
        for (var agency : Agency.values()) {
            if (agency == Agency.HEALTH) {
                for (var service : HealthService.values()) {
                    labels.add(label(agency, service));
                }
            } else {
                labels.add(label(agency, null));
            }
        }
        return List.copyOf(labels);
    }

    private double count(String agency, boolean overdue) {
        var now = clock.instant();
        Integer n = board.read(state -> (int) state.partnerRequests().stream()
                .filter(request -> label(request.agency(), request.healthService()).equals(agency))
                .filter(request -> !overdue || request.overdueAt(now))
                .count());
        return n == null ? Double.NaN : n;
    }

    void count(BoardEvent event) {
        PartnerRequestCard request = event.partnerRequest();
        if (request == null) {
            return;
        }
        String agency = label(request.agency(), request.healthService());
        if (event.type() == BoardEventType.PARTNER_REQUESTED) {
            requested.get(agency).increment();
        } else if (event.type() == BoardEventType.PARTNER_CHASED) {
            chased.get(agency).increment();
        } else if (event.type() == BoardEventType.PARTNER_ANSWERED && request.answeredAt() != null) {
            var took = Duration.between(request.requestedAt(), request.answeredAt());
            response.get(agency).record(took.isNegative() ? Duration.ZERO : took);
        }
    }

    @Override
    public void destroy() {
        subscription.dispose();
    }
}
