package org.mashlive.board;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reads the outbox: the events a subscriber or a listener missed. */
@Component
class BoardEventStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    BoardEventStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The events after {@code seq}, oldest first, at most {@code limit}. */
    Flux<BoardEvent> after(long seq, int limit) {
        return db.sql("SELECT seq, at, type, payload FROM board_event WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq)
                .bind("limit", limit)
                .map(this::event)
                .all();
    }

    /** The newest {@code limit} referral and allocation events, newest first: the ticker's. */
    Flux<BoardEvent> latestReferralEvents(int limit) {
        var types = java.util.Arrays.stream(BoardEventType.values())
                .filter(type -> type.subject() == BoardEventType.Subject.REFERRAL
                        || type.subject() == BoardEventType.Subject.ALLOCATION)
                .map(Enum::name)
                .toList();
        return db.sql("SELECT seq, at, type, payload FROM board_event WHERE type IN (:types) ORDER BY seq DESC LIMIT :limit")
                .bind("types", types)
                .bind("limit", limit)
                .map(this::event)
                .all();
    }

    /** The sequence of the last committed event, 0 when there is none. */
    Mono<Long> lastSeq() {
        return db.sql("SELECT last_seq FROM board_sequence").map(row -> row.get(0, Long.class)).one();
    }

    private BoardEvent event(Readable row) {
        var at = row.get("at", OffsetDateTime.class);
        var payload = row.get("payload", Json.class);
        return BoardPayloads.event(json, row.get("seq", Long.class), at == null ? Instant.EPOCH : at.toInstant(),
                BoardEventType.valueOf(row.get("type", String.class)), json.readTree(payload.asString()));
    }
}
