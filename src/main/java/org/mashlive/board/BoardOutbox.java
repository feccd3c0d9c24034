package org.mashlive.board;

import io.r2dbc.postgresql.codec.Json;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffCard;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes board events into the outbox, inside the caller's transaction: the event commits with
 * the change it describes or not at all. A trigger announces each committed row with NOTIFY.
 *
 * <p>The sequence comes from a one-row counter whose lock the transaction holds until it commits,
 * so sequence order is commit order and a rollback leaves no gap
 * (docs/decisions/0002-gapless-board-sequence.md).
 */
@Component
public class BoardOutbox {

    private final DatabaseClient db;
    private final JsonMapper json;

    BoardOutbox(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Appends an event to the outbox in the transaction of the subscriber's context.
     *
     * @return the event's sequence number, once the row is written (not yet committed)
     */
    public Mono<Long> append(BoardEventType type, ReferralCard referral) {
        return write(type, referral);
    }

    /** As {@link #append(BoardEventType, ReferralCard)}, for a staff event. */
    public Mono<Long> append(BoardEventType type, StaffCard staff) {
        return write(type, staff);
    }

    /** As {@link #append(BoardEventType, ReferralCard)}, for an allocation event. */
    public Mono<Long> appendAllocation(AllocationCard allocation) {
        return write(BoardEventType.ALLOCATION_CHANGED, allocation);
    }

    /** As {@link #append(BoardEventType, ReferralCard)}, for a shift event. */
    public Mono<Long> append(BoardEventType type, ShiftCard shift) {
        return write(type, shift);
    }

    /**
     * The outbox row's payload is the event's card alone, whatever its subject; the type says
     * which card it is ({@link BoardPayloads}).
     */
    private Mono<Long> write(BoardEventType type, Object card) {
        return Mono.fromCallable(() -> {
                    // refuses a card that is not the type's subject before anything is written
                    BoardEvent.of(0, java.time.Instant.EPOCH, type, card);
                    return Json.of(json.writeValueAsString(card));
                })
                .flatMap(payload -> db.sql("""
                                WITH next AS (UPDATE board_sequence SET last_seq = last_seq + 1 RETURNING last_seq)
                                INSERT INTO board_event (seq, type, payload)
                                SELECT last_seq, :type, :payload FROM next
                                RETURNING seq""")
                        .bind("type", type.name())
                        .bind("payload", payload)
                        .map(row -> row.get("seq", Long.class))
                        .one());
    }
}
