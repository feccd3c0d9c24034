package org.mashlive.referral;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.mashlive.board.api.Outcome;
import org.mashlive.referral.api.FeedbackWay;
import org.mashlive.referral.api.NextStep;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for decisions and their sign-off. Every method joins the caller's transaction. */
@Component
class DecisionRepository {

    private final DatabaseClient db;

    DecisionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A decision as recorded. */
    record Row(long id, long referralId, Outcome outcome, String rationale, String threshold, NextStep nextStep,
               String receivingTeam, Instant referrerToldAt, FeedbackWay referrerToldHow, Instant decidedAt,
               String decidedBy, String status, Instant settledAt, String settledBy, String returnReason) {
    }

    /** A decision to record. */
    record New(long referralId, Outcome outcome, String rationale, String threshold, NextStep nextStep,
               String receivingTeam, Instant referrerToldAt, FeedbackWay referrerToldHow, Instant decidedAt,
               String decidedBy, String status) {
    }

    Mono<Void> insert(New d) {
        var spec = db.sql("""
                        INSERT INTO decision (referral_id, outcome, rationale, threshold, next_step, receiving_team,
                            referrer_told_at, referrer_told_how, decided_at, decided_by, status)
                        VALUES (:referral, :outcome, :rationale, :threshold, :nextStep, :team, :toldAt, :toldHow,
                            :decidedAt, :decidedBy, :status)""")
                .bind("referral", d.referralId())
                .bind("outcome", d.outcome().name())
                .bind("rationale", d.rationale())
                .bind("threshold", d.threshold())
                .bind("nextStep", d.nextStep().name())
                .bind("decidedAt", utc(d.decidedAt()))
                .bind("decidedBy", d.decidedBy())
                .bind("status", d.status());
        spec = d.receivingTeam() == null ? spec.bindNull("team", String.class) : spec.bind("team", d.receivingTeam());
        spec = d.referrerToldAt() == null ? spec.bindNull("toldAt", OffsetDateTime.class)
                : spec.bind("toldAt", utc(d.referrerToldAt()));
        spec = d.referrerToldHow() == null ? spec.bindNull("toldHow", String.class)
                : spec.bind("toldHow", d.referrerToldHow().name());
        return spec.then();
    }

    /** The decision waiting for sign-off on a referral, if one does. */
    Mono<Row> waiting(long referralId) {
        return db.sql("SELECT * FROM decision WHERE referral_id = :id AND status = 'AWAITING_SIGN_OFF'")
                .bind("id", referralId)
                .map(DecisionRepository::row)
                .one();
    }

    /** Every decision waiting for sign-off, the longest waiting first. */
    Flux<Row> allWaiting() {
        return db.sql("SELECT * FROM decision WHERE status = 'AWAITING_SIGN_OFF' ORDER BY decided_at, id")
                .map(DecisionRepository::row)
                .all();
    }

    /** Every decision on a referral, oldest first: returned ones too. */
    Flux<Row> ofReferral(long referralId) {
        return db.sql("SELECT * FROM decision WHERE referral_id = :id ORDER BY decided_at, id")
                .bind("id", referralId)
                .map(DecisionRepository::row)
                .all();
    }

    /**
     * Settles the waiting decision {@code id}: signed off, or returned with the reason. Answers the rows
     * changed: 0 when it no longer waits.
     */
    Mono<Long> settle(long id, String status, Instant at, String by, String returnReason) {
        var spec = db.sql("""
                        UPDATE decision SET status = :status, settled_at = :at, settled_by = :by, return_reason = :reason
                        WHERE id = :id AND status = 'AWAITING_SIGN_OFF'""")
                .bind("status", status)
                .bind("at", utc(at))
                .bind("by", by)
                .bind("id", id);
        spec = returnReason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", returnReason);
        return spec.fetch().rowsUpdated();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        var value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Row row(Readable row) {
        String next = row.get("next_step", String.class);
        String how = row.get("referrer_told_how", String.class);
        return new Row(row.get("id", Long.class), row.get("referral_id", Long.class),
                Outcome.valueOf(row.get("outcome", String.class)), row.get("rationale", String.class),
                row.get("threshold", String.class), next == null ? null : NextStep.valueOf(next),
                row.get("receiving_team", String.class), instant(row, "referrer_told_at"),
                how == null ? null : FeedbackWay.valueOf(how), instant(row, "decided_at"),
                row.get("decided_by", String.class), row.get("status", String.class), instant(row, "settled_at"),
                row.get("settled_by", String.class), row.get("return_reason", String.class));
    }
}
