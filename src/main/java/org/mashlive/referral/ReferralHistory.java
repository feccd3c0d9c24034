package org.mashlive.referral;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import io.r2dbc.spi.Readable;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Past referrals for the figures other modules derive from them (capacity trends): what came in
 * and what was decided in a period, as {@link ReferralFact}s that carry nothing identifying.
 * Read-only; each call is one query, in the caller's transaction when there is one.
 */
@Component
public class ReferralHistory {

    private static final String FACT_COLUMNS = "received_at, channel, source, re_referral, rag, due_at, outcome, decided_at";

    private final DatabaseClient db;

    ReferralHistory(DatabaseClient db) {
        this.db = db;
    }

    /** Referrals received in {@code [from, to)}, in order of receipt. */
    public Flux<ReferralFact> receivedBetween(Instant from, Instant to) {
        return between("received_at", from, to);
    }

    /** Referrals decided in {@code [from, to)}, in order of decision. */
    public Flux<ReferralFact> decidedBetween(Instant from, Instant to) {
        return between("decided_at", from, to);
    }

    private Flux<ReferralFact> between(String column, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.sql("SELECT " + FACT_COLUMNS + " FROM referral WHERE " + column + " >= :from AND " + column
                        + " < :to ORDER BY " + column + ", id")
                .bind("from", from.atOffset(ZoneOffset.UTC))
                .bind("to", to.atOffset(ZoneOffset.UTC))
                .map(ReferralHistory::fact)
                .all();
    }

    private static ReferralFact fact(Readable row) {
        String rag = row.get("rag", String.class);
        String outcome = row.get("outcome", String.class);
        return new ReferralFact(
                instant(row, "received_at"),
                Channel.valueOf(row.get("channel", String.class)),
                Source.valueOf(row.get("source", String.class)),
                Boolean.TRUE.equals(row.get("re_referral", Boolean.class)),
                rag == null ? null : Rag.valueOf(rag),
                instant(row, "due_at"),
                outcome == null ? null : Outcome.valueOf(outcome),
                instant(row, "decided_at"));
    }

    private static Instant instant(Readable row, String column) {
        var value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
