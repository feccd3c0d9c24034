package org.mashlive.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.platform.InvalidInputException;
import org.mashlive.platform.Text;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.quality.api.Escalation;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Professional disagreements between the hub and a partner agency about a referral: raised at the
 * practitioner stage, escalated to a manager and then a head of service, until resolved. Ages are in
 * working days on the hub's calendar, as the escalation protocols count them. Every step commits with
 * its audit entry, or not at all.
 */
@Service
public class Escalations {

    enum Agency { POLICE, HEALTH, EDUCATION, PROBATION, HOUSING, OTHER_LOCAL_AUTHORITY, BORDER_FORCE }

    enum Side { HUB, AGENCY }

    enum Stage { PRACTITIONER, MANAGER, HEAD_OF_SERVICE }

    static final int MAX_TEXT = 4000;

    /** How far back the list of resolved disagreements reaches. */
    static final Duration RESOLVED_WITHIN = Duration.ofDays(30);

    private final DatabaseClient db;
    private final Acting acting;
    private final AuditTrail audit;
    private final WorkingCalendar calendar;
    private final EscalationProperties settings;
    private final EscalationMeters meters;
    private final Clock clock;

    Escalations(DatabaseClient db, Acting acting, AuditTrail audit, WorkingCalendar calendar,
                EscalationProperties settings, EscalationMeters meters, Clock clock) {
        this.db = db;
        this.acting = acting;
        this.audit = audit;
        this.calendar = calendar;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Records a new disagreement as {@code actor}, at the practitioner stage. */
    Mono<Escalation> raise(RaiseEscalation request, Actor actor) {
        return raise(request, actor, null);
    }

    /**
     * Records a new disagreement as {@code actor} raised at {@code at} (now when null), at the
     * practitioner stage: for the demo hub's back-filled days as well as for people now.
     */
    public Mono<Escalation> raise(RaiseEscalation request, Actor actor, Instant at) {
        return Mono.defer(() -> {
            if (request == null || request.reference() == null || request.reference().isBlank()) {
                throw new InvalidInputException("reference", "must name the referral");
            }
            String reference = Text.line("reference", request.reference()).strip();
            Agency agency = QualityAssurance.value("agency", request.agency(), Agency.class);
            Side side = QualityAssurance.value("raisedBy", request.raisedBy(), Side.class);
            String concern = text("concern", request.concern(), "must say what the disagreement is about");
            Instant now = moment(at);
            Mono<Long> work = db.sql("SELECT id FROM referral WHERE reference = :ref").bind("ref", reference)
                    .map(row -> row.get("id", Long.class)).one()
                    .switchIfEmpty(Mono.error(() -> new QualityNotFoundException("No such referral",
                            "No referral " + reference)))
                    .flatMap(referralId -> db.sql("""
                                    INSERT INTO escalation (referral_id, agency, raised_by, concern, stage, opened_at, opened_by)
                                    VALUES (:referral, :agency, :side, :concern, 'PRACTITIONER', :at, :by) RETURNING id""")
                            .bind("referral", referralId).bind("agency", agency.name()).bind("side", side.name())
                            .bind("concern", concern).bind("at", now.atOffset(ZoneOffset.UTC))
                            .bind("by", actor.username())
                            .map(row -> row.get("id", Long.class)).one()
                            .flatMap(id -> step(id, Stage.PRACTITIONER, now, actor, null)
                                    .then(audit.record(new AuditEntry(now, actor.username(),
                                            AuditAction.ESCALATION_RAISED, "REFERRAL", referralId, reference, null,
                                            null, concern, "professional disagreement " + id + " with "
                                            + words(agency) + " raised by the " + (side == Side.HUB ? "hub"
                                            : "agency") + " · practitioner stage")))
                                    .thenReturn(id)));
            return acting.as(actor, work).flatMap(this::one).doOnNext(done -> meters.opened(agency.name()));
        });
    }

    /** Moves an open disagreement on to a later stage, as {@code actor}. */
    Mono<Escalation> escalate(EscalationStep request, Actor actor) {
        return escalate(request, actor, null);
    }

    /** Moves an open disagreement on to a later stage, as {@code actor} at {@code at} (now when null). */
    public Mono<Escalation> escalate(EscalationStep request, Actor actor, Instant at) {
        return Mono.defer(() -> {
            long id = id(request == null ? null : request.id());
            Stage stage = QualityAssurance.value("stage", request.stage(), Stage.class);
            String note = request.note() == null || request.note().isBlank() ? null
                    : text("note", request.note(), "");
            Instant now = moment(at);
            Mono<Long> work = locked(id).flatMap(row -> {
                if (row.resolved()) {
                    return Mono.error(new QualityRefusedException("Already resolved",
                            "Disagreement " + id + " was resolved; it cannot be escalated"));
                }
                if (stage.ordinal() <= Stage.valueOf(row.stage()).ordinal()) {
                    return Mono.error(new QualityRefusedException("Not a later stage", "Disagreement " + id
                            + " is at the " + words(Stage.valueOf(row.stage())) + " stage; it moves on to a later one"));
                }
                return db.sql("UPDATE escalation SET stage = :stage WHERE id = :id")
                        .bind("stage", stage.name()).bind("id", id).then()
                        .then(step(id, stage, now, actor, note))
                        .then(audit.record(new AuditEntry(now, actor.username(), AuditAction.ESCALATION_STAGE_CHANGED,
                                "REFERRAL", row.referralId(), row.reference(), null, null, note,
                                "professional disagreement " + id + " with " + words(Agency.valueOf(row.agency()))
                                        + " escalated to the " + words(stage) + " stage")))
                        .thenReturn(id);
            });
            return acting.as(actor, work).flatMap(this::one);
        });
    }

    /** Records how an open disagreement was resolved, as {@code actor}. */
    Mono<Escalation> resolve(ResolveEscalation request, Actor actor) {
        return resolve(request, actor, null);
    }

    /** Records how an open disagreement was resolved, as {@code actor} at {@code at} (now when null). */
    public Mono<Escalation> resolve(ResolveEscalation request, Actor actor, Instant at) {
        return Mono.defer(() -> {
            long id = id(request == null ? null : request.id());
            String resolution = text("resolution", request.resolution(), "must say how it was resolved");
            Instant now = moment(at);
            Mono<String> work = locked(id).flatMap(row -> {
                if (row.resolved()) {
                    return Mono.error(new QualityRefusedException("Already resolved",
                            "Disagreement " + id + " was resolved already"));
                }
                return db.sql("""
                                UPDATE escalation SET resolved_at = :at, resolved_by = :by, resolution = :resolution
                                WHERE id = :id""")
                        .bind("at", now.atOffset(ZoneOffset.UTC)).bind("by", actor.username())
                        .bind("resolution", resolution).bind("id", id).then()
                        .then(audit.record(new AuditEntry(now, actor.username(), AuditAction.ESCALATION_RESOLVED,
                                "REFERRAL", row.referralId(), row.reference(), null, null, resolution,
                                "professional disagreement " + id + " with " + words(Agency.valueOf(row.agency()))
                                        + " resolved at the " + words(Stage.valueOf(row.stage())) + " stage")))
                        .thenReturn(row.agency());
            });
            return acting.as(actor, work).flatMap(agency -> {
                meters.resolved(agency);
                return one(id);
            });
        });
    }

    /** The open disagreements, the oldest first, as a list shows them ({@link Escalation#listed}). */
    public Flux<Escalation> open() {
        return read("e.resolved_at IS NULL", Map.of()).map(Escalation::listed);
    }

    /** Those resolved in the last {@link #RESOLVED_WITHIN}, the latest resolved first, as a list shows them. */
    Flux<Escalation> recentlyResolved() {
        return Flux.defer(() -> read("e.resolved_at >= :since",
                Map.of("since", clock.instant().minus(RESOLVED_WITHIN).atOffset(ZoneOffset.UTC))).map(Escalation::listed)
                .sort(java.util.Comparator.comparing(Escalation::resolvedAt).reversed()
                        .thenComparing(Escalation::id)));
    }

    /**
     * One disagreement with its concern, notes and resolution, which may name people: the caller's
     * viewing is audited on its referral first, so the text never leaves without its trace.
     */
    Mono<Escalation> detail(Long requested, Actor actor) {
        return Mono.defer(() -> {
            long id = id(requested);
            return one(id)
                    .switchIfEmpty(Mono.error(() -> new QualityNotFoundException("No such disagreement",
                            "No professional disagreement " + id)))
                    .flatMap(found -> db.sql("SELECT referral_id FROM escalation WHERE id = :id").bind("id", id)
                            .map(row -> row.get("referral_id", Long.class)).one()
                            .flatMap(referralId -> acting.as(actor, audit.record(new AuditEntry(clock.instant(),
                                    actor.username(), AuditAction.DETAIL_VIEWED, "REFERRAL", referralId,
                                    found.reference(), null, null, null,
                                    "professional disagreement " + id + " shown with what it is about"))))
                            .thenReturn(found));
        });
    }

    /** A step's time: its own when given (a past one, for the demo's back-filled days), now otherwise. */
    private Instant moment(Instant at) {
        Instant now = clock.instant();
        return at == null || at.isAfter(now) ? now : at;
    }

    /** The working days from {@code from} to {@code to} on the hub's calendar. */
    double workingDays(Instant from, Instant to) {
        long day = Duration.between(calendar.dayStart(), calendar.dayEnd()).toSeconds();
        return (double) calendar.workingTimeBetween(from, to).toSeconds() / day;
    }

    boolean overdue(double workingDays) {
        return workingDays > settings.alertAfterWorkingDays();
    }

    private Mono<Escalation> one(long id) {
        return read("e.id = :id", Map.of("id", id)).next();
    }

    private Flux<Escalation> read(String where, Map<String, Object> values) {
        var spec = db.sql("""
                SELECT e.*, r.reference FROM escalation e JOIN referral r ON r.id = e.referral_id
                WHERE""" + " " + where + " ORDER BY e.opened_at, e.id");
        for (var value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec.map(row -> new Row(row.get("id", Long.class), row.get("reference", String.class),
                        row.get("agency", String.class), row.get("raised_by", String.class),
                        row.get("concern", String.class), row.get("stage", String.class),
                        row.get("opened_at", OffsetDateTime.class).toInstant(), row.get("opened_by", String.class),
                        instant(row.get("resolved_at", OffsetDateTime.class)), row.get("resolved_by", String.class),
                        row.get("resolution", String.class)))
                .all().collectList()
                .flatMapMany(rows -> rows.isEmpty() ? Flux.empty() : db.sql("""
                                SELECT escalation_id, stage, at, by_username, note FROM escalation_stage
                                WHERE escalation_id = ANY(:ids) ORDER BY at""")
                        .bind("ids", rows.stream().map(Row::id).toArray(Long[]::new))
                        .map(row -> new StepRow(row.get("escalation_id", Long.class), row.get("stage", String.class),
                                row.get("at", OffsetDateTime.class).toInstant(), row.get("by_username", String.class),
                                row.get("note", String.class)))
                        .all().collectList()
                        .flatMapMany(steps -> {
                            var names = new HashSet<String>();
                            rows.forEach(row -> {
                                names.add(row.openedBy());
                                if (row.resolvedBy() != null) {
                                    names.add(row.resolvedBy());
                                }
                            });
                            steps.forEach(step -> names.add(step.by()));
                            Instant now = clock.instant();
                            return audit.people(names).flatMapMany(people -> Flux.fromIterable(rows).map(row -> {
                                double days = workingDays(row.openedAt(), row.resolvedAt() == null ? now
                                        : row.resolvedAt());
                                List<Escalation.Stage> reached = steps.stream().filter(s -> s.id() == row.id())
                                        .map(s -> new Escalation.Stage(s.stage(), s.at(), people.get(s.by()).label(),
                                                s.note()))
                                        .collect(Collectors.toList());
                                return new Escalation(row.id(), row.reference(), row.agency(), row.raisedBy(),
                                        row.concern(), row.stage(), reached, row.openedAt(),
                                        people.get(row.openedBy()).label(), row.resolvedAt(), row.resolution(),
                                        row.resolvedBy() == null ? null : people.get(row.resolvedBy()).label(),
                                        Math.round(days * 10) / 10.0, row.resolvedAt() == null && overdue(days));
                            }));
                        }));
    }

    private Mono<Void> step(long id, Stage stage, Instant at, Actor actor, String note) {
        var spec = db.sql("""
                        INSERT INTO escalation_stage (escalation_id, stage, at, by_username, note)
                        VALUES (:id, :stage, :at, :by, :note)""")
                .bind("id", id).bind("stage", stage.name()).bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("by", actor.username());
        return (note == null ? spec.bindNull("note", String.class) : spec.bind("note", note)).then();
    }

    private Mono<Locked> locked(long id) {
        return db.sql("""
                        SELECT e.referral_id, r.reference, e.agency, e.stage, e.resolved_at IS NOT NULL AS resolved
                        FROM escalation e JOIN referral r ON r.id = e.referral_id WHERE e.id = :id FOR UPDATE OF e""")
                .bind("id", id)
                .map(row -> new Locked(row.get("referral_id", Long.class), row.get("reference", String.class),
                        row.get("agency", String.class), row.get("stage", String.class),
                        Boolean.TRUE.equals(row.get("resolved", Boolean.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> new QualityNotFoundException("No such disagreement",
                        "No professional disagreement " + id)));
    }

    private static long id(Long id) {
        if (id == null || id <= 0) {
            throw new InvalidInputException("id", "must name the disagreement by its number");
        }
        return id;
    }

    private static String text(String field, String value, String missing) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, missing);
        }
        Text.lines(field, value);
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    static String words(Enum<?> value) {
        return value.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private record Row(long id, String reference, String agency, String raisedBy, String concern, String stage,
                       Instant openedAt, String openedBy, Instant resolvedAt, String resolvedBy, String resolution) {
    }

    private record StepRow(long id, String stage, Instant at, String by, String note) {
    }

    private record Locked(long referralId, String reference, String agency, String stage, boolean resolved) {
    }
}
