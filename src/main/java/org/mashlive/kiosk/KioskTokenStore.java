package org.mashlive.kiosk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.r2dbc.spi.Readable;
import org.mashlive.kiosk.api.KioskCard;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The kiosk tokens in PostgreSQL: their hashes, who made and revoked them, and their own trail. */
@Repository
class KioskTokenStore {

    private final DatabaseClient db;

    KioskTokenStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<KioskCard> insert(String name, String team, String tokenHash, Instant at, String by) {
        var spec = db.sql("""
                        INSERT INTO kiosk_token (name, team, token_hash, created_at, created_by)
                        VALUES (:name, :team, :hash, :at, :by) RETURNING *""")
                .bind("name", name)
                .bind("hash", tokenHash)
                .bind("at", utc(at))
                .bind("by", by);
        spec = team == null ? spec.bindNull("team", String.class) : spec.bind("team", team);
        return spec.map(KioskTokenStore::card).one();
    }

    Flux<KioskCard> all() {
        return db.sql("SELECT * FROM kiosk_token ORDER BY created_at DESC, id DESC").map(KioskTokenStore::card).all();
    }

    Mono<KioskCard> find(long id) {
        return db.sql("SELECT * FROM kiosk_token WHERE id = :id").bind("id", id).map(KioskTokenStore::card).one();
    }

    /** Revokes the token if it is in force; empty when it was not (unknown or already revoked). */
    Mono<KioskCard> revoke(long id, Instant at, String by) {
        return db.sql("""
                        UPDATE kiosk_token SET revoked_at = :at, revoked_by = :by
                        WHERE id = :id AND revoked_at IS NULL RETURNING *""")
                .bind("id", id)
                .bind("at", utc(at))
                .bind("by", by)
                .map(KioskTokenStore::card).one();
    }

    /**
     * The token of {@code tokenHash}, revoked or not; one in force is recorded as seen at {@code at}.
     * The write is skipped while the last one is under a minute old: a screen is checked every few
     * seconds, and "last seen" needs no finer grain than that.
     */
    Mono<KioskCard> seen(String tokenHash, Instant at) {
        return db.sql("""
                        UPDATE kiosk_token SET last_seen_at = :at
                        WHERE token_hash = :hash AND revoked_at IS NULL
                          AND (last_seen_at IS NULL OR last_seen_at < :at - interval '1 minute')
                        RETURNING *""")
                .bind("hash", tokenHash)
                .bind("at", utc(at))
                .map(KioskTokenStore::card).one()
                .switchIfEmpty(Mono.defer(() -> db.sql("SELECT * FROM kiosk_token WHERE token_hash = :hash")
                        .bind("hash", tokenHash).map(KioskTokenStore::card).one()));
    }

    Mono<Void> audit(Instant at, String actor, String action, long tokenId, String detail) {
        var spec = db.sql("""
                        INSERT INTO kiosk_token_audit (at, actor, action, token_id, detail)
                        VALUES (:at, :actor, :action, :token, :detail)""")
                .bind("at", utc(at))
                .bind("actor", actor)
                .bind("action", action)
                .bind("token", tokenId);
        return (detail == null ? spec.bindNull("detail", String.class) : spec.bind("detail", detail)).then();
    }

    private static KioskCard card(Readable row) {
        return new KioskCard(row.get("id", Long.class), row.get("name", String.class), row.get("team", String.class),
                instant(row, "created_at").orElseThrow(), row.get("created_by", String.class),
                instant(row, "last_seen_at").orElse(null), instant(row, "revoked_at").orElse(null),
                row.get("revoked_by", String.class));
    }

    private static Optional<Instant> instant(Readable row, String column) {
        return Optional.ofNullable(row.get(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
