package org.mashlive.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.platform.PeriodicMeters;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code mash_referral_breached_seconds{reference,rag}}: one series for each open referral past its
 * timescale, how long past it, so that an alert can name the referral (its reference and RAG,
 * which the wall-board shows too; never anything about the child). A series exists only while its
 * referral is open and breached, so the label values are bounded by the breached part of the open
 * queue, and at most {@link #LIMIT} of the longest-breached are reported.
 *
 * <p>The set of referrals is read from the board this instance keeps every
 * {@code mash.capacity.refresh}; each value is computed at the scrape.
 */
@Component
class BreachMeters extends PeriodicMeters {

    /** The most series reported at once: a bad day's breaches, not a way to list the whole queue. */
    static final int LIMIT = 500;

    private final LiveBoard board;
    private final Clock clock;
    private final MultiGauge breached;

    BreachMeters(LiveBoard board, CapacityProperties properties, MeterRegistry registry, Clock clock) {
        super(properties.refresh(), "Breached referrals could not be read; the meter keeps its last rows");
        this.board = board;
        this.clock = clock;
        this.breached = MultiGauge.builder("mash.referral.breached")
                .description("How long each open referral past its timescale has been past it, by reference and RAG")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    protected Mono<Void> refresh() {
        return Mono.fromRunnable(this::show);
    }

    /** Replaces the rows with the referrals breached now; before the board has loaded, none. */
    private void show() {
        Instant now = clock.instant();
        List<ReferralCard> cards = board.read(state -> state.open().stream()
                .filter(card -> card.breachedAt(now))
                .sorted(Comparator.comparing(ReferralCard::dueAt))
                .limit(LIMIT)
                .toList());
        breached.register(cards == null ? List.of() : cards.stream()
                .map(card -> MultiGauge.Row.of(
                        Tags.of("reference", card.reference(), "rag", MeterLabels.rag(card.rag())),
                        card, open -> Math.max(0, Duration.between(open.dueAt(), clock.instant()).toMillis() / 1000.0)))
                .toList(), true);
    }
}
