package org.mashlive.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for staff, shifts and the establishment. Every method joins the caller's transaction. */
@Component
class StaffRepository {

    private static final String PERSON = "id, display_name, role, team, contract, fte, active, left_at, break_since";

    private final DatabaseClient db;

    StaffRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Person> people(boolean withLeavers) {
        return db.sql("SELECT " + PERSON + " FROM staff" + (withLeavers ? "" : " WHERE active") + " ORDER BY id")
                .map(StaffRepository::toPerson)
                .all();
    }

    /** One person; {@code lock} holds their row until the transaction ends, so their changes queue. */
    Mono<Person> person(long id, boolean lock) {
        return db.sql("SELECT " + PERSON + " FROM staff WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id)
                .map(StaffRepository::toPerson)
                .one();
    }

    Mono<Long> count() {
        return db.sql("SELECT count(*) FROM staff").map(row -> row.get(0, Long.class)).one();
    }

    Mono<Long> insert(StaffDetails details, Instant now) {
        return fte(db.sql("""
                        INSERT INTO staff (display_name, role, team, contract, fte, updated_at)
                        VALUES (:name, :role, :team, :contract, :fte, :now) RETURNING id"""), details.fte())
                .bind("name", details.displayName())
                .bind("role", details.role().name())
                .bind("team", details.team())
                .bind("contract", details.contract().name())
                .bind("now", utc(now))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    Mono<Long> update(long id, StaffDetails details, Instant now) {
        return fte(db.sql("""
                        UPDATE staff SET display_name = :name, role = :role, team = :team, contract = :contract,
                            fte = :fte, updated_at = :now
                        WHERE id = :id"""), details.fte())
                .bind("id", id)
                .bind("name", details.displayName())
                .bind("role", details.role().name())
                .bind("team", details.team())
                .bind("contract", details.contract().name())
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    Mono<Long> leave(long id, Instant now) {
        return db.sql("UPDATE staff SET active = false, left_at = :now, break_since = NULL, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    Mono<Long> setBreak(long id, Instant since, Instant now) {
        var spec = db.sql("UPDATE staff SET break_since = :since, updated_at = :now WHERE id = :id")
                .bind("id", id)
                .bind("now", utc(now));
        spec = since == null ? spec.bindNull("since", OffsetDateTime.class) : spec.bind("since", utc(since));
        return spec.fetch().rowsUpdated();
    }

    /** Shifts that end after {@code from} and start before {@code to}, of everyone or of one person. */
    Flux<Shift> shifts(Instant from, Instant to, Long staffId) {
        var spec = db.sql("""
                        SELECT id, staff_id, starts_at, ends_at FROM shift
                        WHERE ends_at > :from AND starts_at < :to""" + (staffId == null ? "" : " AND staff_id = :staff")
                        + " ORDER BY starts_at, id")
                .bind("from", utc(from))
                .bind("to", utc(to));
        if (staffId != null) {
            spec = spec.bind("staff", staffId);
        }
        return spec.map(StaffRepository::toShift).all();
    }

    /** Shifts of people in post that end after {@code after}. */
    Flux<Shift> shiftsOfActiveEndingAfter(Instant after) {
        return db.sql("""
                        SELECT s.id, s.staff_id, s.starts_at, s.ends_at FROM shift s JOIN staff p ON p.id = s.staff_id
                        WHERE p.active AND s.ends_at > :after ORDER BY s.starts_at, s.id""")
                .bind("after", utc(after))
                .map(StaffRepository::toShift)
                .all();
    }

    Mono<Shift> shift(long id) {
        return db.sql("SELECT id, staff_id, starts_at, ends_at FROM shift WHERE id = :id")
                .bind("id", id)
                .map(StaffRepository::toShift)
                .one();
    }

    Mono<Long> insertShift(long staffId, Instant start, Instant end) {
        return db.sql("INSERT INTO shift (staff_id, starts_at, ends_at) VALUES (:staff, :start, :end) RETURNING id")
                .bind("staff", staffId)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    Mono<Long> deleteShift(long id) {
        return db.sql("DELETE FROM shift WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    Map<StaffRole, BigDecimal> emptyEstablishment() {
        return new EnumMap<>(StaffRole.class);
    }

    Mono<Map<StaffRole, BigDecimal>> establishment() {
        return db.sql("SELECT role, funded_fte FROM establishment")
                .map(row -> Map.entry(StaffRole.valueOf(row.get("role", String.class)),
                        row.get("funded_fte", BigDecimal.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, this::emptyEstablishment);
    }

    Mono<Long> setEstablishment(StaffRole role, BigDecimal fundedFte, Instant now) {
        return db.sql("""
                        INSERT INTO establishment (role, funded_fte, updated_at) VALUES (:role, :fte, :now)
                        ON CONFLICT (role) DO UPDATE SET funded_fte = :fte, updated_at = :now""")
                .bind("role", role.name())
                .bind("fte", fundedFte)
                .bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    /** Records that the demo rota of {@code day} is laid out; false when it already was. */
    Mono<Boolean> claimSeedDay(java.time.LocalDate day) {
        return db.sql("INSERT INTO rota_seed_day (day) VALUES (:day) ON CONFLICT DO NOTHING")
                .bind("day", day)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    Mono<Boolean> seedDayClaimed(java.time.LocalDate day) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM rota_seed_day WHERE day = :day)")
                .bind("day", day)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec fte(DatabaseClient.GenericExecuteSpec spec, BigDecimal fte) {
        return fte == null ? spec.bindNull("fte", BigDecimal.class) : spec.bind("fte", fte);
    }

    private static Person toPerson(Readable row) {
        return new Person(row.get("id", Long.class), row.get("display_name", String.class),
                StaffRole.valueOf(row.get("role", String.class)), row.get("team", String.class),
                Contract.valueOf(row.get("contract", String.class)), row.get("fte", BigDecimal.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)), instant(row, "left_at"),
                instant(row, "break_since"));
    }

    private static Shift toShift(Readable row) {
        return new Shift(row.get("id", Long.class), row.get("staff_id", Long.class), instant(row, "starts_at"),
                instant(row, "ends_at"));
    }

    private static Instant instant(Readable row, String column) {
        var value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
