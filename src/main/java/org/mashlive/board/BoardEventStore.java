package org.mashlive.board;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.ReferralCard;
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

    /** The newest {@code limit} events, newest first. */
    Flux<BoardEvent> latest(int limit) {
        return db.sql("SELECT seq, at, type, payload FROM board_event ORDER BY seq DESC LIMIT :limit")
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
        var type = BoardEventType.valueOf(row.get("type", String.class));
        long seq = row.get("seq", Long.class);
        var when = at == null ? Instant.EPOCH : at.toInstant();
        if (type == BoardEventType.ALLOCATION_CHANGED) {
            return new BoardEvent(seq, when, type, null, json.readValue(payload.asString(), AllocationCard.class));
        }
        return new BoardEvent(seq, when, type, json.readValue(payload.asString(), ReferralCard.class));
    }
}
