package org.mashlive.allocation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import org.mashlive.board.api.WorkType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for allocations. Every write is conditional, so two concurrent moves cannot both win. */
@Component
class AllocationRepository {

    private final DatabaseClient db;

    AllocationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Row> find(WorkType type, long workId) {
        return db.sql("SELECT * FROM allocation WHERE work_type = :type AND work_id = :id")
                .bind("type", type.name())
                .bind("id", workId)
                .map(AllocationRepository::row)
                .one();
    }

    /** Allocates an unallocated case; empty when someone allocated it first. */
    Mono<Row> allocateFirst(WorkType type, long workId, String reference, long staffId, Instant at, String by,
                            String reason) {
        var spec = db.sql("""
                        INSERT INTO allocation (work_type, work_id, reference, staff_id, version, allocated_at,
                            allocated_by, reason)
                        VALUES (:type, :id, :reference, :staff, 1, :at, :by, :reason)
                        ON CONFLICT (work_type, work_id) DO NOTHING
                        RETURNING *""")
                .bind("type", type.name())
                .bind("id", workId)
                .bind("reference", reference)
                .bind("staff", staffId)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("by", by);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.map(AllocationRepository::row).one();
    }

    /** Moves a case that is still at {@code expectedVersion}; empty when someone moved it since. */
    Mono<Row> move(WorkType type, long workId, int expectedVersion, long staffId, Instant at, String by,
                   String reason) {
        return db.sql("""
                        UPDATE allocation SET staff_id = :staff, version = version + 1, allocated_at = :at,
                            allocated_by = :by, reason = :reason
                        WHERE work_type = :type AND work_id = :id AND version = :version
                        RETURNING *""")
                .bind("type", type.name())
                .bind("id", workId)
                .bind("version", expectedVersion)
                .bind("staff", staffId)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("by", by)
                .bind("reason", reason)
                .map(AllocationRepository::row)
                .one();
    }

    /** The cases allocated to one person, open or not. */
    Flux<Row> allocatedTo(long staffId) {
        return db.sql("SELECT * FROM allocation WHERE staff_id = :staff ORDER BY allocated_at")
                .bind("staff", staffId)
                .map(AllocationRepository::row)
                .all();
    }

    /** Every allocation. */
    Flux<Row> all() {
        return db.sql("SELECT * FROM allocation ORDER BY allocated_at").map(AllocationRepository::row).all();
    }

    private static Row row(Readable row) {
        return new Row(WorkType.valueOf(row.get("work_type", String.class)), row.get("work_id", Long.class),
                row.get("reference", String.class), row.get("staff_id", Long.class), row.get("version", Integer.class),
                row.get("allocated_at", OffsetDateTime.class).toInstant(), row.get("allocated_by", String.class),
                row.get("reason", String.class));
    }

    /** An allocation as stored. */
    record Row(WorkType type, long workId, String reference, long staffId, int version, Instant allocatedAt,
               String allocatedBy, String reason) {
    }
}
