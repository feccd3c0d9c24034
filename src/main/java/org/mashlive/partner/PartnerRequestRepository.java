package org.mashlive.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Rag;
import org.mashlive.partner.api.ChaseWay;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code partner_request} and {@code partner_chase} tables. */
@Component
class PartnerRequestRepository {

    private final DatabaseClient db;

    PartnerRequestRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A row of {@code partner_request} with its referral's reference. For a police check the owner is
     * the officer holding its allocation (or {@link #POLICE_DESK} while nobody does) and the due time
     * its referral's, read through rather than copied (docs/decisions/0033-police-checks-as-partner-requests.md).
     */
    record Row(long id, long referralId, String reference, Agency agency, HealthService healthService, Rag rag,
               String asked, Instant requestedAt, String requestedBy, String owner, Instant dueAt, Instant answeredAt,
               String answeredBy, String summary, boolean noInformationHeld, boolean policeCheck) {
    }

    /** Who owns a police check that no officer holds yet. */
    static final String POLICE_DESK = "Police desk";

    private static final String SELECT = """
            SELECT p.*, r.reference, p.kind = 'POLICE_CHECK' AS police_check,
                coalesce(p.owner, (SELECT s.display_name FROM allocation a JOIN staff s ON s.id = a.staff_id
                                   WHERE a.work_type = 'POLICE_CHECK' AND a.work_id = p.referral_id),
                         '%s') AS owned_by,
                coalesce(p.due_at, r.due_at) AS due
            FROM partner_request p JOIN referral r ON r.id = p.referral_id""".formatted(POLICE_DESK);

    /** A row of {@code partner_chase}. */
    record ChaseRow(long requestId, Instant at, String by, ChaseWay how, String note) {
    }


    Mono<Long> insert(long referralId, Agency agency, HealthService service, Rag rag, String asked, Instant at,
                      String by, String owner, Instant dueAt) {
        var spec = db.sql("""
                        INSERT INTO partner_request (referral_id, agency, health_service, rag, asked, requested_at,
                            requested_by, owner, due_at)
                        VALUES (:referral, :agency, :service, :rag, :asked, :at, :by, :owner, :due)
                        RETURNING id""")
                .bind("referral", referralId)
                .bind("agency", agency.name())
                .bind("rag", rag.name())
                .bind("at", utc(at))
                .bind("by", by)
                .bind("owner", owner)
                .bind("due", utc(dueAt));
        spec = service == null ? spec.bindNull("service", String.class) : spec.bind("service", service.name());
        spec = asked == null ? spec.bindNull("asked", String.class) : spec.bind("asked", asked);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    /** The request, locked for the rest of the transaction when {@code lock}. */
    Mono<Row> find(long id, boolean lock) {
        return db.sql(SELECT + " WHERE p.id = :id" + (lock ? " FOR UPDATE OF p" : ""))
                .bind("id", id)
                .map(PartnerRequestRepository::row)
                .one();
    }

    Flux<Row> ofReferral(long referralId) {
        return db.sql(SELECT + " WHERE p.referral_id = :id ORDER BY p.requested_at, p.id")
                .bind("id", referralId)
                .map(PartnerRequestRepository::row)
                .all();
    }

    /**
     * The requests still waiting, of referrals still open (neither decided nor taken for information
     * only, as the board counts open), without the police checks: the board has those from its
     * referral cards' police check state (docs/decisions/0033-police-checks-as-partner-requests.md).
     */
    Flux<Row> waiting() {
        return db.sql(SELECT + " WHERE p.answered_at IS NULL AND r.stage NOT IN ('DECIDED', 'INFORMATION_ONLY')"
                        + " AND p.kind = 'INFORMATION' ORDER BY p.id")
                .map(PartnerRequestRepository::row)
                .all();
    }

    Flux<ChaseRow> chases(java.util.Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT * FROM partner_chase WHERE request_id = ANY(:ids) ORDER BY chased_at, id")
                .bind("ids", requestIds.toArray(Long[]::new))
                .map(row -> new ChaseRow(row.get("request_id", Long.class), instant(row, "chased_at"),
                        row.get("chased_by", String.class), ChaseWay.valueOf(row.get("how", String.class)),
                        row.get("note", String.class)))
                .all();
    }

    Mono<Void> chase(long requestId, Instant at, String by, ChaseWay how, String note) {
        var spec = db.sql("""
                        INSERT INTO partner_chase (request_id, chased_at, chased_by, how, note)
                        VALUES (:id, :at, :by, :how, :note)""")
                .bind("id", requestId)
                .bind("at", utc(at))
                .bind("by", by)
                .bind("how", how.name());
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.then();
    }

    Mono<Void> answer(long requestId, Instant at, String by, String summary, boolean noInformationHeld) {
        var spec = db.sql("""
                        UPDATE partner_request SET answered_at = :at, answered_by = :by, answer_summary = :summary,
                            no_information_held = :none
                        WHERE id = :id AND answered_at IS NULL""")
                .bind("id", requestId)
                .bind("at", utc(at))
                .bind("by", by)
                .bind("none", noInformationHeld);
        spec = summary == null ? spec.bindNull("summary", String.class) : spec.bind("summary", summary);
        return spec.then();
    }

    private static Row row(Readable row) {
        String service = row.get("health_service", String.class);
        return new Row(row.get("id", Long.class), row.get("referral_id", Long.class), row.get("reference", String.class),
                Agency.valueOf(row.get("agency", String.class)),
                service == null ? null : HealthService.valueOf(service),
                Rag.valueOf(row.get("rag", String.class)), row.get("asked", String.class),
                instant(row, "requested_at"), row.get("requested_by", String.class), row.get("owned_by", String.class),
                instant(row, "due"), instant(row, "answered_at"), row.get("answered_by", String.class),
                row.get("answer_summary", String.class), Boolean.TRUE.equals(row.get("no_information_held", Boolean.class)),
                Boolean.TRUE.equals(row.get("police_check", Boolean.class)));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
