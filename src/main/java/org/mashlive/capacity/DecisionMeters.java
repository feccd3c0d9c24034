package org.mashlive.capacity;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * The statutory decision clock and management oversight as meters, from the board stream like the
 * other referral meters (so every instance counts every event: read them with {@code max}, see
 * docs/decisions/0006-metrics-from-the-board-stream.md). Labels are bounded: RAG and true/false.
 * Trends only; the exact figures of a period are the front-door report's.
 * <ul>
 *   <li>{@code mash_decisions_statutory_total{rag, within_one_working_day}}: referrals closed, by
 *       whether their decision came within one working day of receipt (a late one is a statutory breach);</li>
 *   <li>{@code mash_decisions_signoff_total{step}}: decisions put to sign-off ({@code awaiting}) and
 *       returned ({@code returned});</li>
 *   <li>{@code mash_decisions_awaiting_signoff}: decisions waiting for sign-off now.</li>
 * </ul>
 */
@Component
class DecisionMeters implements DisposableBean {

    private final LiveBoard board;
    private final Map<String, Counter> statutory = new HashMap<>();
    private final Counter awaiting;
    private final Counter returned;
    private final Disposable subscription;

    DecisionMeters(LiveBoard board, MeterRegistry registry) {
        this.board = board;
        for (var rag : MeterLabels.ragsAndUnrated()) {
            for (boolean within : new boolean[] {true, false}) {
                statutory.put(key(rag, within), Counter.builder("mash.decisions.statutory")
                        .description("Referrals closed, by RAG at decision and whether decided within one working day")
                        .tag("rag", MeterLabels.rag(rag))
                        .tag("within_one_working_day", Boolean.toString(within))
                        .register(registry));
            }
        }
        awaiting = Counter.builder("mash.decisions.signoff").description("Steps of management oversight")
                .tag("step", "awaiting").register(registry);
        returned = Counter.builder("mash.decisions.signoff").description("Steps of management oversight")
                .tag("step", "returned").register(registry);
        Gauge.builder("mash.decisions.awaiting.signoff", this, meters -> meters.waiting())
                .description("Decisions waiting for a lead's sign-off now")
                .register(registry);
        subscription = board.applied().subscribe(this::count);
    }

    private double waiting() {
        Integer n = board.read(state -> (int) state.open().stream().filter(ReferralCard::awaitingSignOff).count());
        return n == null ? Double.NaN : n;
    }

    void count(BoardEvent event) {
        ReferralCard card = event.referral();
        if (card == null) {
            return;
        }
        if (event.type() == BoardEventType.REFERRAL_DECIDED && card.decidedAt() != null && card.decisionDueAt() != null) {
            statutory.get(key(card.rag(), !card.decidedAt().isAfter(card.decisionDueAt()))).increment();
        } else if (event.type() == BoardEventType.DECISION_AWAITING_SIGN_OFF) {
            awaiting.increment();
        } else if (event.type() == BoardEventType.DECISION_RETURNED) {
            returned.increment();
        }
    }

    private static String key(Rag rag, boolean within) {
        return MeterLabels.rag(rag) + "/" + within;
    }

    @Override
    public void destroy() {
        subscription.dispose();
    }
}
