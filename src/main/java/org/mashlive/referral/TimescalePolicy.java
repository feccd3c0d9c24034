package org.mashlive.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.mashlive.board.api.Rag;
import org.mashlive.board.api.TimescaleInfo;
import org.springframework.stereotype.Component;

/** Interim: elapsed clocks only, replaced by the working-hours policy. */
@Component
public final class TimescalePolicy {

    public Instant dueAt(Instant receivedAt, Rag rag) {
        return receivedAt.plus(target(rag));
    }

    private Duration target(Rag rag) {
        if (rag == null) {
            return Duration.ofHours(8);
        }
        return switch (rag) {
            case RED -> Duration.ofHours(4);
            case AMBER -> Duration.ofHours(24);
            case GREEN -> Duration.ofHours(72);
        };
    }

    public Duration timeLeft(Instant dueAt, Instant now) {
        return Duration.between(now, dueAt);
    }

    public boolean breached(Instant dueAt, Instant now) {
        return now.isAfter(dueAt);
    }

    public List<TimescaleInfo> timescales() {
        return List.of(new TimescaleInfo(Rag.RED, target(Rag.RED), false),
                new TimescaleInfo(Rag.AMBER, target(Rag.AMBER), false),
                new TimescaleInfo(Rag.GREEN, target(Rag.GREEN), false),
                new TimescaleInfo(null, target(null), false));
    }
}
