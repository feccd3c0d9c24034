package org.mashlive.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.TimescaleInfo;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.TimescalePolicy;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * The front door's meters, from the board this backend instance keeps: counters from the
 * committed events it applies (so a rolled-back or repeated intake, which writes no event, is
 * never counted), gauges from its current {@link BoardState} (no query per scrape).
 *
 * <p>Every instance sees every event of the hub, so each reports the whole hub: aggregate across
 * instances with {@code max}, never {@code sum} (docs/decisions/0006-metrics-from-the-board-stream.md).
 * Counters start from zero when an instance starts; {@code rate} and {@code increase} allow for it.
 * Every label combination is registered up front, so a series reads 0 rather than being absent.
 */
@Component
class ReferralMeters implements DisposableBean {

    /** Decision-time buckets besides the configured timescales: an hour to four weeks. */
    static final List<Duration> DECISION_BUCKETS = List.of(Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofHours(72), Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28));

    /** How long gauge figures are reused: one computation serves a whole scrape. */
    static final Duration GAUGE_REUSE = Duration.ofSeconds(1);

    private static final List<Stage> OPEN_STAGES = Arrays.stream(Stage.values()).filter(Stage::open).toList();

    private final LiveBoard board;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Map<String, Counter> received = new HashMap<>();
    private final Map<String, Counter> decided = new HashMap<>();
    private final Map<String, Timer> decisionTime = new HashMap<>();
    private final Counter reReferrals;
    private final Counter outOfHours;
    private final Disposable subscription;

    private volatile Figures figures;

    ReferralMeters(LiveBoard board, TimescalePolicy timescales, WorkingCalendar calendar, MeterRegistry registry,
                   Clock clock) {
        this.board = board;
        this.calendar = calendar;
        this.clock = clock;
        for (var source : Source.values()) {
            for (var channel : Channel.values()) {
                received.put(key(source, channel), Counter.builder("mash.referrals.received")
                        .description("Contacts taken in and committed")
                        .tag("source", MeterLabels.of(source))
                        .tag("channel", MeterLabels.of(channel))
                        .register(registry));
            }
        }
        var buckets = decisionBuckets(timescales.timescales());
        for (var rag : MeterLabels.ragsAndUnrated()) {
            decisionTime.put(MeterLabels.rag(rag), Timer.builder("mash.referral.decision")
                    .description("Time from receipt to decision, by RAG at decision")
                    .tag("rag", MeterLabels.rag(rag))
                    .serviceLevelObjectives(buckets)
                    .register(registry));
            for (var outcome : Outcome.values()) {
                for (var within : new boolean[] {true, false}) {
                    decided.put(key(rag, outcome, within), Counter.builder("mash.referrals.decided")
                            .description("Decisions, by RAG at decision, outcome and whether within timescale")
                            .tag("rag", MeterLabels.rag(rag))
                            .tag("outcome", MeterLabels.of(outcome))
                            .tag("within_timescale", Boolean.toString(within))
                            .register(registry));
                }
            }
            String ragLabel = MeterLabels.rag(rag);
            for (var stage : OPEN_STAGES) {
                Gauge.builder("mash.referrals.open", this, meters -> meters.figures().open(stage, rag))
                        .description("Referrals open now, by stage and RAG")
                        .tag("stage", MeterLabels.of(stage))
                        .tag("rag", ragLabel)
                        .register(registry);
            }
            Gauge.builder("mash.referrals.breached", this, meters -> meters.figures().breached(rag))
                    .description("Open referrals past their timescale now, by RAG")
                    .tag("rag", ragLabel)
                    .register(registry);
            // the statutory clock beside the RAG one: a Green case can be in its timescale and late here
            Gauge.builder("mash.referrals.decision.overdue", this, meters -> meters.figures().decisionOverdue(rag))
                    .description("Open referrals past their statutory decision time (one working day), by RAG")
                    .tag("rag", ragLabel)
                    .register(registry);
            Gauge.builder("mash.referrals.oldest.waiting", this, meters -> meters.figures().oldestSeconds(rag))
                    .description("How long the oldest open referral of each RAG has waited; 0 with none open")
                    .tag("rag", ragLabel)
                    .baseUnit("seconds")
                    .register(registry);
        }
        this.reReferrals = Counter.builder("mash.rereferrals")
                .description("Contacts about a child referred in the 12 months before")
                .register(registry);
        this.outOfHours = Counter.builder("mash.ooh.contacts")
                .description("Contacts received outside core hours (the working calendar)")
                .register(registry);
        this.subscription = board.applied().subscribe(this::count);
    }

    /** The configured timescales with the fixed buckets, each bucket once, in order. */
    static Duration[] decisionBuckets(List<TimescaleInfo> timescales) {
        var all = new TreeSet<>(DECISION_BUCKETS);
        timescales.forEach(timescale -> all.add(timescale.target()));
        return all.toArray(Duration[]::new);
    }

    void count(BoardEvent event) {
        ReferralCard card = event.referral();
        if (event.type() == BoardEventType.REFERRAL_RECEIVED) {
            received.get(key(card.source(), card.channel())).increment();
            if (card.reReferral()) {
                reReferrals.increment();
            }
            if (!calendar.isWorkingTime(card.receivedAt())) {
                outOfHours.increment();
            }
        } else if (event.type() == BoardEventType.REFERRAL_DECIDED && card.decidedAt() != null
                && card.outcome() != null) {
            boolean within = !card.decidedAt().isAfter(card.dueAt());
            decided.get(key(card.rag(), card.outcome(), within)).increment();
            var took = Duration.between(card.receivedAt(), card.decidedAt());
            decisionTime.get(MeterLabels.rag(card.rag())).record(took.isNegative() ? Duration.ZERO : took);
        }
    }

    private static String key(Source source, Channel channel) {
        return source + "/" + channel;
    }

    private static String key(Rag rag, Outcome outcome, boolean within) {
        return MeterLabels.rag(rag) + "/" + outcome + "/" + within;
    }

    /** The gauges' figures, computed at most once per {@link #GAUGE_REUSE}. */
    Figures figures() {
        Instant now = clock.instant();
        var current = figures;
        if (current == null || !current.loaded() || !now.isBefore(current.at().plus(GAUGE_REUSE))) {
            var read = board.read(state -> Figures.of(state.open(), now));
            current = read == null ? Figures.notLoaded(now) : read;
            figures = current;
        }
        return current;
    }

    @Override
    public void destroy() {
        subscription.dispose();
    }

    /**
     * Open referrals counted for the gauges at one instant; every value is NaN before the board has
     * loaded, so nothing reads as "none open" when it is not known.
     */
    record Figures(Instant at, boolean loaded, Map<String, Integer> open, Map<String, Integer> breached,
                   Map<String, Double> oldestSeconds, Map<String, Integer> decisionOverdue) {

        static Figures of(Iterable<ReferralCard> cards, Instant now) {
            var open = new HashMap<String, Integer>();
            var breached = new HashMap<String, Integer>();
            var decisionOverdue = new HashMap<String, Integer>();
            var oldest = new HashMap<String, Instant>();
            for (var card : cards) {
                String rag = MeterLabels.rag(card.rag());
                open.merge(MeterLabels.of(card.stage()) + "/" + rag, 1, Integer::sum);
                if (card.breachedAt(now)) {
                    breached.merge(rag, 1, Integer::sum);
                }
                if (card.decisionOverdueAt(now)) {
                    decisionOverdue.merge(rag, 1, Integer::sum);
                }
                oldest.merge(rag, card.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
            var oldestSeconds = new HashMap<String, Double>();
            oldest.forEach((rag, receivedAt) ->
                    oldestSeconds.put(rag, Math.max(0, Duration.between(receivedAt, now).toMillis() / 1000.0)));
            return new Figures(now, true, open, breached, oldestSeconds, decisionOverdue);
        }

        static Figures notLoaded(Instant now) {
            return new Figures(now, false, Map.of(), Map.of(), Map.of(), Map.of());
        }

        double open(Stage stage, Rag rag) {
            return loaded ? open.getOrDefault(MeterLabels.of(stage) + "/" + MeterLabels.rag(rag), 0) : Double.NaN;
        }

        double breached(Rag rag) {
            return loaded ? breached.getOrDefault(MeterLabels.rag(rag), 0) : Double.NaN;
        }

        double decisionOverdue(Rag rag) {
            return loaded ? decisionOverdue.getOrDefault(MeterLabels.rag(rag), 0) : Double.NaN;
        }

        double oldestSeconds(Rag rag) {
            return loaded ? oldestSeconds.getOrDefault(MeterLabels.rag(rag), 0.0) : Double.NaN;
        }

        /** Open referrals across every stage and RAG. */
        int openTotal() {
            return open.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
