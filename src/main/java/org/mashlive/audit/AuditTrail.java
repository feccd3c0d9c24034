package org.mashlive.audit;


import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so an entry
 * about a change commits with the change; entries about attempts that changed nothing are written
 * in a transaction of their own by the caller.
 */
@Component
public class AuditTrail {

    private final DatabaseClient db;
    private final ObjectProvider<DisplayNames> names;

    AuditTrail(DatabaseClient db, ObjectProvider<DisplayNames> names) {
        this.db = db;
        this.names = names;
    }

    /** Appends {@code entry}; completes once it is written (committed with the caller's transaction). */
    public Mono<Void> record(AuditEntry entry) {
        var spec = db.sql("""
                        INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, reference,
                            from_staff_id, to_staff_id, reason, detail)
                        VALUES (:at, :actor, :action, :subjectType, :subjectId, :reference,
                            :fromStaff, :toStaff, :reason, :detail)""")
                .bind("at", entry.at().atOffset(ZoneOffset.UTC))
                .bind("actor", entry.actor())
                .bind("action", entry.action().name())
                .bind("subjectType", entry.subjectType())
                .bind("subjectId", entry.subjectId())
                .bind("reference", entry.reference());
        spec = entry.fromStaffId() == null ? spec.bindNull("fromStaff", Long.class) : spec.bind("fromStaff", entry.fromStaffId());
        spec = entry.toStaffId() == null ? spec.bindNull("toStaff", Long.class) : spec.bind("toStaff", entry.toStaffId());
        spec = entry.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", entry.reason());
        spec = entry.detail() == null ? spec.bindNull("detail", String.class) : spec.bind("detail", entry.detail());
        return spec.then();
    }

    /** Everything that happened to one case, oldest first. */
    public Flux<AuditEntry> forSubject(String subjectType, long subjectId) {
        return db.sql("SELECT * FROM audit_entry WHERE subject_type = :type AND subject_id = :id ORDER BY at, id")
                .bind("type", subjectType)
                .bind("id", subjectId)
                .map(AuditTrail::entry)
                .all();
    }

    /**
     * Everything that happened to one referral and to its police checks (the check is the referral's
     * own work item, with the same id), oldest first.
     */
    public Flux<AuditEntry> forCase(long referralId) {
        return db.sql("""
                        SELECT * FROM audit_entry WHERE subject_type IN ('REFERRAL', 'POLICE_CHECK') AND subject_id = :id
                        ORDER BY at, id""")
                .bind("id", referralId)
                .map(AuditTrail::entry)
                .all();
    }

    /**
     * As {@link #forCase}, each entry naming its person by display name and role: as recorded when
     * they acted, or else as configured now, or else by the account's name.
     */
    public Flux<NamedEntry> forCaseNamed(long referralId) {
        return named("""
                SELECT e.*, a.display_name, a.role FROM audit_entry e LEFT JOIN actor a ON a.username = e.actor
                WHERE e.subject_type IN ('REFERRAL', 'POLICE_CHECK') AND e.subject_id = :id
                ORDER BY e.at, e.id""", referralId);
    }

    /** As {@link #forStaff}, each entry naming its person. */
    public Flux<NamedEntry> forStaffNamed(long staffId) {
        return named("""
                SELECT e.*, a.display_name, a.role FROM audit_entry e LEFT JOIN actor a ON a.username = e.actor
                WHERE e.from_staff_id = :id OR e.to_staff_id = :id
                ORDER BY e.at, e.id""", staffId);
    }

    /** How the hub knows {@code usernames}: recorded, else configured, else by account name. */
    public Mono<java.util.Map<String, Actor>> people(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return db.sql("SELECT username, display_name, role FROM actor WHERE username = ANY(:names)")
                .bind("names", usernames.toArray(String[]::new))
                .map(row -> new Actor(row.get("username", String.class), row.get("display_name", String.class),
                        row.get("role", String.class)))
                .all()
                .collectMap(Actor::username)
                .map(found -> {
                    var all = new java.util.HashMap<String, Actor>(found);
                    usernames.forEach(name -> all.computeIfAbsent(name, this::unrecorded));
                    return java.util.Map.copyOf(all);
                });
    }

    private Flux<NamedEntry> named(String sql, long id) {
        return db.sql(sql).bind("id", id).map(row -> {
            var entry = entry(row);
            String name = row.get("display_name", String.class);
            var person = name == null ? unrecorded(entry.actor())
                    : new Actor(entry.actor(), name, row.get("role", String.class));
            return new NamedEntry(entry.at(), entry.actor(), person.displayName(), person.role(), entry.action(),
                    entry.subjectType(), entry.subjectId(), entry.reference(), entry.fromStaffId(), entry.toStaffId(),
                    entry.reason(), entry.detail());
        }).all();
    }

    /** Someone who acted without their name and role being recorded (allocation before this was kept). */
    private Actor unrecorded(String username) {
        DisplayNames configured = names.getIfAvailable();
        return new Actor(username, configured == null ? username : configured.of(username).orElse(username), null);
    }

    /** Every entry that moved work to or from one person, oldest first. */
    public Flux<AuditEntry> forStaff(long staffId) {
        return db.sql("""
                        SELECT * FROM audit_entry WHERE from_staff_id = :id OR to_staff_id = :id
                        ORDER BY at, id""")
                .bind("id", staffId)
                .map(AuditTrail::entry)
                .all();
    }

    /** Everything one user did, oldest first. */
    public Flux<AuditEntry> byActor(String actor) {
        return db.sql("SELECT * FROM audit_entry WHERE actor = :actor ORDER BY at, id")
                .bind("actor", actor)
                .map(AuditTrail::entry)
                .all();
    }

    /**
     * Appends a refused sign-in, in a statement of its own. The name is the caller's text: cut short and
     * rid of control characters, which PostgreSQL would refuse, before it is written.
     */
    public Mono<Void> signInRefused(SignInRefusal refusal) {
        var spec = db.sql("""
                        INSERT INTO sign_in_refusal (at, door, account, address, failures, locked_until)
                        VALUES (:at, :door, :account, :address, :failures, :lockedUntil)""")
                .bind("at", refusal.at().atOffset(ZoneOffset.UTC))
                .bind("door", refusal.door())
                .bind("account", printable(refusal.account()))
                .bind("address", printable(refusal.address()))
                .bind("failures", refusal.failures());
        spec = refusal.lockedUntil() == null ? spec.bindNull("lockedUntil", OffsetDateTime.class)
                : spec.bind("lockedUntil", refusal.lockedUntil().atOffset(ZoneOffset.UTC));
        return spec.then();
    }

    /** The refused sign-ins given {@code account} as the name, oldest first. */
    public Flux<SignInRefusal> signInRefusals(String account) {
        return db.sql("SELECT * FROM sign_in_refusal WHERE account = :account ORDER BY at, id")
                .bind("account", account)
                .map(row -> {
                    OffsetDateTime until = row.get("locked_until", OffsetDateTime.class);
                    return new SignInRefusal(row.get("at", OffsetDateTime.class).toInstant(),
                            row.get("door", String.class), row.get("account", String.class),
                            row.get("address", String.class), row.get("failures", Integer.class),
                            until == null ? null : until.toInstant());
                })
                .all();
    }

    private static String printable(String text) {
        return text == null ? "" : text.codePoints().limit(128)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static AuditEntry entry(Readable row) {
        return new AuditEntry(row.get("at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
                AuditAction.valueOf(row.get("action", String.class)), row.get("subject_type", String.class),
                row.get("subject_id", Long.class), row.get("reference", String.class),
                row.get("from_staff_id", Long.class), row.get("to_staff_id", Long.class),
                row.get("reason", String.class), row.get("detail", String.class));
    }

}
