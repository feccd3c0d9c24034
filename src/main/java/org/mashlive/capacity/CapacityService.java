package org.mashlive.capacity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffCard;
import org.mashlive.capacity.api.BreachForecast;
import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.ReferralHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Builds the {@link CapacitySummary}: the open and breached counts from the board this instance
 * keeps, the trend from two queries of {@link ReferralHistory}, the staffing from
 * {@link WorkforceFigures} and the partner requests from {@link PartnerRequestFigures}.
 */
@Service
class CapacityService {

    private final ReferralHistory history;
    private final LiveBoard board;
    private final WorkingCalendar calendar;
    private final WorkforceFigures workforce;
    private final PartnerRequestFigures partners;
    /**
     * The team names the workforce lines carry: those of the staffing meters, so the capacity view,
     * Grafana's team variable, team boards and kiosk tokens name the same teams.
     */
    private final TeamLabels teams;
    private final Clock clock;

    CapacityService(ReferralHistory history, LiveBoard board, WorkingCalendar calendar,
                    ObjectProvider<WorkforceFigures> workforce, ObjectProvider<PartnerRequestFigures> partners,
                    org.mashlive.staff.StaffProperties staff, Clock clock) {
        this.teams = new TeamLabels(staff.teams());
        this.history = history;
        this.board = board;
        this.calendar = calendar;
        this.workforce = workforce.getIfAvailable(() -> WorkforceFigures.NONE);
        this.partners = partners.getIfAvailable(() -> PartnerRequestFigures.NONE);
        this.clock = clock;
    }

    /** The summary now, once the board has loaded; two queries over the last 15 days' referrals. */
    Mono<CapacitySummary> summary() {
        return summary(clock.instant());
    }

    /** The summary at {@code now}. */
    Mono<CapacitySummary> summary(Instant now) {
        var today = CapacityFigures.day(now, calendar.zone());
        var firstReceived = CapacityFigures.firstDay(today).atStartOfDay(calendar.zone()).toInstant();
        var firstDecided = today.minusDays(CapacitySummary.DAYS - 1).atStartOfDay(calendar.zone()).toInstant();
        // after now nothing has happened yet; a moment later keeps what happened at now itself
        var end = now.plusNanos(1);
        var counts = board.snapshot().map(snapshot -> new int[] {
                snapshot.open().size(),
                (int) snapshot.open().stream().filter(card -> card.breachedAt(now)).count()});
        return Mono.zip(
                history.receivedBetween(firstReceived, end).collectList(),
                history.decidedBetween(firstDecided, end).collectList(),
                counts,
                workforce.at(now).map(teams::bounded).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                partners.outstanding(now).collectList())
                .map(all -> CapacityFigures.summarise(now, calendar, all.getT1(), all.getT2(), all.getT3()[0],
                        all.getT3()[1], all.getT4().map(Workforce::roles).orElse(List.of()), all.getT5(),
                        all.getT4().map(Workforce::totalAvailable).orElse(null)))
                .zipWith(forecast(now).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        (summary, forecast) -> summary.withForecast(forecast.orElse(null)));
    }

    /**
     * The breach forecast at {@code now} (see {@link Forecaster}): the open queue and the rota from
     * the board this instance keeps, the pace from one count of the last day's decisions; empty
     * while it cannot be made.
     */
    Mono<BreachForecast> forecast(Instant now) {
        return history.decidedBetween(now.minus(Forecaster.PACE_WINDOW), now.plusNanos(1)).count()
                .flatMap(decided -> board.snapshot().then(Mono.fromSupplier(() -> {
                    // copied under the board's lock, worked out after it
                    var copy = board.read(state -> new BoardNow(List.copyOf(state.open()), List.copyOf(state.staff()),
                            List.copyOf(state.shifts())));
                    return Forecaster.forecast(now, copy.open(), copy.staff(), copy.shifts(), decided.intValue(),
                            calendar);
                })));
    }

    private record BoardNow(List<ReferralCard> open, List<StaffCard> staff, List<ShiftCard> shifts) {
    }
}
