package org.mashlive.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for referrals and their history. Every method joins the caller's transaction. */
@Component
class ReferralRepository {

    static final String COLUMNS = """
            id, reference, external_ref, received_at, channel, source, health_type, merlin_id,
            child_first_name, child_last_name, child_date_of_birth, child_estimated_age, child_expected_on, child_key, concern, flags, consent,
            consent_override_reason, rag, stage, outcome, decided_at, re_referral, due_at, version, contact_id,
            EXISTS (SELECT 1 FROM partner_request c WHERE c.referral_id = referral.id AND c.kind = 'POLICE_CHECK'
                    AND c.answered_at IS NOT NULL) AS police_check_done,
            (SELECT d.decided_at FROM decision d WHERE d.referral_id = referral.id AND d.status = 'AWAITING_SIGN_OFF')
                AS awaiting_sign_off_since""";

    private final DatabaseClient db;

    ReferralRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Row> findById(long id, boolean forUpdate) {
        return db.sql("SELECT " + COLUMNS + " FROM referral WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", id)
                .map(ReferralRepository::row)
                .one();
    }

    Mono<Row> findByReference(String reference) {
        return db.sql("SELECT " + COLUMNS + " FROM referral WHERE reference = :reference")
                .bind("reference", reference)
                .map(ReferralRepository::row)
                .one();
    }

    Flux<Row> open() {
        return db.sql("SELECT " + COLUMNS + " FROM referral WHERE stage NOT IN ('DECIDED', 'INFORMATION_ONLY') ORDER BY received_at, id")
                .map(ReferralRepository::row)
                .all();
    }

    /** Contacts received in [from, to), by source. */
    Mono<Map<Source, Integer>> arrivalsBetween(Instant from, Instant to) {
        return db.sql("""
                        SELECT source, count(*) AS n FROM referral
                        WHERE received_at >= :from AND received_at < :to GROUP BY source""")
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map(row -> Map.entry(Source.valueOf(row.get("source", String.class)),
                        row.get("n", Long.class).intValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(Source.class));
    }

    /** Health contacts received in [from, to), by the part of health they came from; those without one left out. */
    Mono<Map<String, Integer>> healthArrivalsBetween(Instant from, Instant to) {
        return db.sql("""
                        SELECT health_type, count(*) AS n FROM referral
                        WHERE received_at >= :from AND received_at < :to AND source = 'HEALTH'
                          AND health_type IS NOT NULL
                        GROUP BY health_type""")
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map(row -> Map.entry(row.get("health_type", String.class), row.get("n", Long.class).intValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.TreeMap::new);
    }

    /** Contacts received in [from, to) for information only. */
    Mono<Integer> informationOnlyBetween(Instant from, Instant to) {
        return db.sql("""
                        SELECT count(*) AS n FROM referral
                        WHERE received_at >= :from AND received_at < :to AND stage = 'INFORMATION_ONLY'""")
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map(row -> row.get("n", Long.class).intValue())
                .one();
    }

    Mono<Void> updateRag(long id, Rag rag, Instant dueAt, Instant at) {
        return db.sql("""
                        UPDATE referral SET rag = :rag, due_at = :dueAt, version = version + 1, updated_at = :at
                        WHERE id = :id""")
                .bind("rag", rag.name())
                .bind("dueAt", utc(dueAt))
                .bind("at", utc(at))
                .bind("id", id)
                .then();
    }

    Mono<Void> updateStage(long id, Stage stage, Instant at) {
        return db.sql("UPDATE referral SET stage = :stage, version = version + 1, updated_at = :at WHERE id = :id")
                .bind("stage", stage.name())
                .bind("at", utc(at))
                .bind("id", id)
                .then();
    }

    Mono<Void> updateDecision(long id, Outcome outcome, Instant at) {
        return db.sql("""
                        UPDATE referral SET stage = 'DECIDED', outcome = :outcome, decided_at = :at,
                            version = version + 1, updated_at = :at
                        WHERE id = :id""")
                .bind("outcome", outcome.name())
                .bind("at", utc(at))
                .bind("id", id)
                .then();
    }

    Mono<Void> recordRag(long id, Instant at, Rag from, Rag to, String reason) {
        var spec = db.sql("""
                        INSERT INTO rag_change (referral_id, changed_at, from_rag, to_rag, reason)
                        VALUES (:id, :at, :from, :to, :reason)""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("to", to.name())
                .bind("reason", reason);
        return bindNullable(spec, "from", from == null ? null : from.name(), String.class).then();
    }

    Mono<Void> recordStage(long id, Instant at, Stage from, Stage to) {
        var spec = db.sql("""
                        INSERT INTO stage_change (referral_id, changed_at, from_stage, to_stage)
                        VALUES (:id, :at, :from, :to)""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("to", to.name());
        return bindNullable(spec, "from", from == null ? null : from.name(), String.class).then();
    }

    /**
     * Records that the police checks on a referral are done: its police check request, asked with the
     * notification, is answered with the officer's summary. The caller holds the referral's row lock
     * and has seen the check waiting; a check that is missing or already answered is an error here, so
     * that nothing is recorded half.
     */
    Mono<Void> recordPoliceCheck(long id, Instant at, String by, String summary) {
        return db.sql("""
                        UPDATE partner_request SET answered_at = :at, answered_by = :by, answer_summary = :summary
                        WHERE referral_id = :id AND kind = 'POLICE_CHECK' AND answered_at IS NULL""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("by", by)
                .bind("summary", summary)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("referral " + id + " has no police check waiting")));
    }

    /** The RAG history of a referral, oldest first. */
    Flux<RagChange> ragHistory(long id) {
        return db.sql("""
                        SELECT changed_at, from_rag, to_rag, reason FROM rag_change
                        WHERE referral_id = :id ORDER BY changed_at, id""")
                .bind("id", id)
                .map(row -> new RagChange(instant(row, "changed_at"), rag(row.get("from_rag", String.class)),
                        Rag.valueOf(row.get("to_rag", String.class)), row.get("reason", String.class)))
                .all();
    }

    static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
                                                                        String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        var value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Rag rag(String value) {
        return value == null ? null : Rag.valueOf(value);
    }

    static Row row(Readable row) {
        String[] flags = row.get("flags", String[].class);
        Set<Flag> flagSet = EnumSet.noneOf(Flag.class);
        if (flags != null) {
            Arrays.stream(flags).map(Flag::valueOf).forEach(flagSet::add);
        }
        String healthType = row.get("health_type", String.class);
        String outcome = row.get("outcome", String.class);
        return new Row(
                row.get("id", Long.class),
                row.get("reference", String.class),
                row.get("external_ref", String.class),
                instant(row, "received_at"),
                Channel.valueOf(row.get("channel", String.class)),
                Source.valueOf(row.get("source", String.class)),
                healthType == null ? null : HealthType.valueOf(healthType),
                row.get("merlin_id", String.class),
                new Child(row.get("child_first_name", String.class), row.get("child_last_name", String.class),
                        row.get("child_date_of_birth", LocalDate.class), row.get("child_estimated_age", Integer.class),
                        row.get("child_expected_on", LocalDate.class)),
                row.get("child_key", String.class),
                row.get("concern", String.class),
                flagSet,
                Consent.valueOf(row.get("consent", String.class)),
                row.get("consent_override_reason", String.class),
                rag(row.get("rag", String.class)),
                Stage.valueOf(row.get("stage", String.class)),
                outcome == null ? null : Outcome.valueOf(outcome),
                instant(row, "decided_at"),
                Boolean.TRUE.equals(row.get("re_referral", Boolean.class)),
                instant(row, "due_at"),
                row.get("version", Integer.class),
                Boolean.TRUE.equals(row.get("police_check_done", Boolean.class)),
                instant(row, "awaiting_sign_off_since"),
                row.get("contact_id", Long.class));
    }

    /** A referral as stored. */
    record Row(long id, String reference, String externalRef, Instant receivedAt, Channel channel, Source source,
               HealthType healthType, String merlinId, Child child, String childKey, String concern, Set<Flag> flags,
               Consent consent, String consentOverrideReason, Rag rag, Stage stage, Outcome outcome,
               Instant decidedAt, boolean reReferral, Instant dueAt, int version, boolean policeCheckDone,
               Instant awaitingSignOffSince, Long contactId) {
    }
}
