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

    private static final String COLUMNS = """
            id, reference, external_ref, received_at, channel, source, health_type, merlin_id,
            child_first_name, child_last_name, child_date_of_birth, child_key, concern, flags, consent,
            consent_override_reason, rag, stage, outcome, decided_at, re_referral, due_at, version,
            EXISTS (SELECT 1 FROM police_check c WHERE c.referral_id = referral.id) AS police_check_done,
            (SELECT d.decided_at FROM decision d WHERE d.referral_id = referral.id AND d.status = 'AWAITING_SIGN_OFF')
                AS awaiting_sign_off_since""";

    private final DatabaseClient db;

    ReferralRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records a new referral in one statement: takes the next number of {@code year}'s references
     * (that counter row stays locked until the transaction ends), works out whether the child was
     * referred since {@code yearBefore}, inserts the referral, its first stage and its intake RAG.
     * One round trip instead of five keeps the time the counter is held short.
     *
     * @return the referral as stored, or empty when its external reference was taken (by a
     *         concurrent intake); the caller's transaction must then roll back
     */
    Mono<Row> receive(Stored referral, int year, Instant yearBefore) {
        var spec = db.sql("""
                        WITH number AS (
                            INSERT INTO reference_counter (year, last_number) VALUES (:year, 1)
                            ON CONFLICT (year) DO UPDATE SET last_number = reference_counter.last_number + 1
                            RETURNING last_number),
                        new_referral AS (
                            INSERT INTO referral (reference, external_ref, received_at, channel, source, health_type,
                                merlin_id, child_first_name, child_last_name, child_date_of_birth, child_key,
                                child_initials, concern, flags, consent, consent_override_reason, rag, intake_rag,
                                stage, due_at, re_referral, updated_at)
                            SELECT 'MASH-' || :year || '-' || lpad(last_number::text, greatest(6, length(last_number::text)), '0'),
                                :externalRef, :receivedAt, :channel, :source, :healthType, :merlinId,
                                :firstName, :lastName, :dateOfBirth, :childKey, :initials, :concern, :flags, :consent,
                                :overrideReason, :rag, :rag, 'RECEIVED', :dueAt,
                                EXISTS (SELECT 1 FROM referral WHERE child_key = :childKey
                                        AND received_at >= :yearBefore AND received_at < :receivedAt),
                                :receivedAt
                            FROM number
                            ON CONFLICT (external_ref) DO NOTHING
                            RETURNING id, reference, re_referral),
                        first_stage AS (
                            INSERT INTO stage_change (referral_id, changed_at, from_stage, to_stage)
                            SELECT id, :receivedAt, NULL, 'RECEIVED' FROM new_referral),
                        first_rag AS (
                            INSERT INTO rag_change (referral_id, changed_at, from_rag, to_rag, reason)
                            SELECT id, :receivedAt, NULL, :rag, 'Rated at intake' FROM new_referral
                            WHERE CAST(:rag AS text) IS NOT NULL)
                        SELECT id, reference, re_referral FROM new_referral""")
                .bind("year", year)
                .bind("yearBefore", utc(yearBefore))
                .bind("receivedAt", utc(referral.receivedAt()))
                .bind("channel", referral.channel().name())
                .bind("source", referral.source().name())
                .bind("firstName", referral.child().firstName().strip())
                .bind("lastName", referral.child().lastName().strip())
                .bind("dateOfBirth", referral.child().dateOfBirth())
                .bind("childKey", referral.childKey())
                .bind("initials", referral.child().initials())
                .bind("concern", referral.concern().strip())
                .bind("flags", referral.flags().stream().map(Flag::name).sorted().toArray(String[]::new))
                .bind("consent", referral.consent().name())
                .bind("dueAt", utc(referral.dueAt()));
        spec = bindNullable(spec, "externalRef", referral.externalRef(), String.class);
        spec = bindNullable(spec, "healthType", referral.healthType() == null ? null : referral.healthType().name(),
                String.class);
        spec = bindNullable(spec, "merlinId", referral.merlinId(), String.class);
        spec = bindNullable(spec, "overrideReason", referral.consentOverrideReason(), String.class);
        spec = bindNullable(spec, "rag", referral.rag() == null ? null : referral.rag().name(), String.class);
        return spec.map(row -> new Row(row.get("id", Long.class), row.get("reference", String.class),
                        referral.externalRef(), referral.receivedAt(), referral.channel(), referral.source(),
                        referral.healthType(), referral.merlinId(),
                        new Child(referral.child().firstName().strip(), referral.child().lastName().strip(),
                                referral.child().dateOfBirth()),
                        referral.childKey(), referral.concern().strip(), Set.copyOf(referral.flags()),
                        referral.consent(), referral.consentOverrideReason(), referral.rag(), Stage.RECEIVED, null,
                        null, Boolean.TRUE.equals(row.get("re_referral", Boolean.class)), referral.dueAt(), 0, false, null))
                .one();
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

    Mono<Row> findByExternalRef(String externalRef) {
        return db.sql("SELECT " + COLUMNS + " FROM referral WHERE external_ref = :externalRef")
                .bind("externalRef", externalRef)
                .map(ReferralRepository::row)
                .one();
    }

    /**
     * The referral that has {@code externalRef}, with the RAG it was given at intake (null when it
     * came in unrated, and for a referral received before the intake RAG was kept and never rated
     * at intake): with the referral's other intake fields, which nothing changes after intake, it is
     * the contact as received.
     */
    Mono<Received> findReceivedByExternalRef(String externalRef) {
        return db.sql("SELECT " + COLUMNS + ", intake_rag FROM referral WHERE external_ref = :externalRef")
                .bind("externalRef", externalRef)
                .map(row -> new Received(row(row), rag(row.get("intake_rag", String.class))))
                .one();
    }

    Flux<Row> open() {
        return db.sql("SELECT " + COLUMNS + " FROM referral WHERE stage <> 'DECIDED' ORDER BY received_at, id")
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

    /** Records that the police checks on a referral are done. */
    Mono<Void> recordPoliceCheck(long id, Instant at, String by, String summary) {
        return db.sql("""
                        INSERT INTO police_check (referral_id, completed_at, completed_by, summary)
                        VALUES (:id, :at, :by, :summary)""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("by", by)
                .bind("summary", summary)
                .then();
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

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
                                                                        String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Readable row, String column) {
        var value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Rag rag(String value) {
        return value == null ? null : Rag.valueOf(value);
    }

    private static Row row(Readable row) {
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
                        row.get("child_date_of_birth", LocalDate.class)),
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
                instant(row, "awaiting_sign_off_since"));
    }

    /** A referral to be inserted; its reference and whether it is a re-referral are worked out as it is. */
    record Stored(String externalRef, Instant receivedAt, Channel channel, Source source,
                  HealthType healthType, String merlinId, Child child, String childKey, String concern,
                  Set<Flag> flags, Consent consent, String consentOverrideReason, Rag rag, Instant dueAt) {
    }

    /** A referral as stored, with the RAG its contact came in with. */
    record Received(Row row, Rag intakeRag) {
    }

    /** A referral as stored. */
    record Row(long id, String reference, String externalRef, Instant receivedAt, Channel channel, Source source,
               HealthType healthType, String merlinId, Child child, String childKey, String concern, Set<Flag> flags,
               Consent consent, String consentOverrideReason, Rag rag, Stage stage, Outcome outcome,
               Instant decidedAt, boolean reReferral, Instant dueAt, int version, boolean policeCheckDone,
               Instant awaitingSignOffSince) {
    }
}
