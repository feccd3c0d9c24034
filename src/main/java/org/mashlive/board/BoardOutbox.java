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

    /**
     * Appends one event of {@code type} per card, in the order given, in one statement: a contact
     * naming several children is still two statements however many there are
     * (docs/decisions/0008-intake-in-two-statements.md). The sequence numbers are consecutive.
     *
     * @return the last event's sequence number, once the rows are written (not yet committed)
     */
    public Mono<Long> appendAll(BoardEventType type, java.util.List<ReferralCard> referrals) {
        if (referrals.isEmpty()) {
            return Mono.error(new IllegalArgumentException("no events to append"));
        }
        return Mono.fromCallable(() -> {
                    for (var card : referrals) {
                        BoardEvent.of(0, java.time.Instant.EPOCH, type, card);
                    }
                    return Json.of(json.writeValueAsString(referrals));
                })
                .flatMap(payloads -> db.sql("""
                                WITH next AS (UPDATE board_sequence SET last_seq = last_seq + :count RETURNING last_seq)
                                INSERT INTO board_event (seq, type, payload)
                                SELECT last_seq - :count + e.ord, :type, e.payload
                                FROM next, jsonb_array_elements(CAST(:payloads AS jsonb)) WITH ORDINALITY AS e(payload, ord)
                                ORDER BY e.ord
                                RETURNING seq""")
                        .bind("count", referrals.size())
                        .bind("type", type.name())
                        .bind("payloads", payloads)
                        .map(row -> row.get("seq", Long.class))
                        .all()
                        .reduce(Math::max));
    }

    /** As {@link #append(BoardEventType, ReferralCard)}, for a staff event. */
    public Mono<Long> append(BoardEventType type, StaffCard staff) {
        return write(type, staff);
    }

    /** As {@link #append(BoardEventType, ReferralCard)}, for an allocation event. */
    public Mono<Long> appendAllocation(AllocationCard allocation) {
        return write(BoardEventType.ALLOCATION_CHANGED, allocation);
    }

    /** As {@link #append(BoardEventType, ReferralCard)}, for a partner request event. */
    public Mono<Long> append(BoardEventType type, org.mashlive.board.api.PartnerRequestCard request) {
        return write(type, request);
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
