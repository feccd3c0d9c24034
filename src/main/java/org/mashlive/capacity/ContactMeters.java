package org.mashlive.capacity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.referral.HealthType;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * What the front door's contacts carry, for the service heads: health contacts by the part of
 * health they came from (GP use of the portal, CAMHS demand), and the open referrals of the
 * children the hub worries about most (SEND, non-verbal, newly arrived…) with how many of them are
 * waiting past their timescale. As {@link ReferralMeters}: counters from committed events, gauges
 * from the board this instance keeps, every series registered up front; aggregate with {@code max}.
 */
@Component
class ContactMeters implements DisposableBean {

    /** The {@code health_type} label of a health contact that did not say which part of health. */
    static final String HEALTH_NOT_GIVEN = "not_given";

    private final LiveBoard board;
    private final Clock clock;
    private final Map<String, Counter> health = new HashMap<>();
    private final Disposable subscription;
    private final Counter informationOnly;

    private volatile Flagged flagged;

    ContactMeters(LiveBoard board, MeterRegistry registry, Clock clock) {
        this.board = board;
        this.clock = clock;
        for (var type : HealthType.values()) {
            health.put(MeterLabels.of(type), healthCounter(registry, MeterLabels.of(type)));
        }
        health.put(HEALTH_NOT_GIVEN, healthCounter(registry, HEALTH_NOT_GIVEN));
        for (var flag : Flag.values()) {
            Gauge.builder("mash.referrals.open.flagged", this, meters -> meters.flagged().open(flag))
                    .description("Open referrals carrying each flag now")
                    .tag("flag", MeterLabels.of(flag))
                    .register(registry);
            Gauge.builder("mash.referrals.breached.flagged", this, meters -> meters.flagged().late(flag))
                    .description("Open referrals carrying each flag that are past their timescale now")
                    .tag("flag", MeterLabels.of(flag))
                    .register(registry);
        }
        this.informationOnly = Counter.builder("mash.referrals.received.information.only")
                .description("Contacts taken in for information only, needing no decision (also counted as received)")
                .register(registry);
        this.subscription = board.applied().subscribe(this::count);
    }

    private static Counter healthCounter(MeterRegistry registry, String type) {
        return Counter.builder("mash.referrals.received.health")
                .description("Health contacts taken in and committed, by the part of health they came from")
                .tag("health_type", type)
                .register(registry);
    }

    void count(BoardEvent event) {
        if (event.type() != BoardEventType.REFERRAL_RECEIVED) {
            return;
        }
        ReferralCard card = event.referral();
        if (card.stage() == org.mashlive.board.api.Stage.INFORMATION_ONLY) {
            informationOnly.increment();
        }
        if (card.source() != org.mashlive.board.api.Source.HEALTH) {
            return;
        }
        String type = card.healthType() == null ? HEALTH_NOT_GIVEN : card.healthType().toLowerCase(java.util.Locale.ROOT);
        // a name this version does not know (an event from a newer one) is counted, not lost
        health.getOrDefault(type, health.get(HEALTH_NOT_GIVEN)).increment();
    }

    /** The flag figures, computed at most once per {@link ReferralMeters#GAUGE_REUSE}. */
    Flagged flagged() {
        Instant now = clock.instant();
        var current = flagged;
        if (current == null || !current.loaded() || !now.isBefore(current.at().plus(ReferralMeters.GAUGE_REUSE))) {
            var read = board.read(state -> Flagged.of(state.open(), now));
            current = read == null ? new Flagged(now, false, Map.of(), Map.of()) : read;
            flagged = current;
        }
        return current;
    }

    @Override
    public void destroy() {
        subscription.dispose();
    }

    /** Open referrals by flag, and those of them past their timescale; NaN before the board has loaded. */
    record Flagged(Instant at, boolean loaded, Map<Flag, Integer> open, Map<Flag, Integer> late) {

        static Flagged of(Iterable<ReferralCard> cards, Instant now) {
            var open = new EnumMap<Flag, Integer>(Flag.class);
            var late = new EnumMap<Flag, Integer>(Flag.class);
            for (var card : cards) {
                for (var flag : card.flags()) {
                    open.merge(flag, 1, Integer::sum);
                    if (card.breachedAt(now)) {
                        late.merge(flag, 1, Integer::sum);
                    }
                }
            }
            return new Flagged(now, true, open, late);
        }

        double open(Flag flag) {
            return loaded ? open.getOrDefault(flag, 0) : Double.NaN;
        }

        double late(Flag flag) {
            return loaded ? late.getOrDefault(flag, 0) : Double.NaN;
        }
    }
}
