package org.mashlive.board;

import java.time.Instant;

import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.StaffCard;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an outbox payload, which is the event's card alone: the event's type says whether it is a
 * referral, a person or a shift. One reading for the outbox rows and the notifications alike.
 */
final class BoardPayloads {

    private BoardPayloads() {
    }

    static BoardEvent event(JsonMapper json, long seq, Instant at, BoardEventType type, JsonNode payload) {
        Class<?> card = switch (type.subject()) {
            case REFERRAL -> ReferralCard.class;
            case STAFF -> StaffCard.class;
            case SHIFT -> ShiftCard.class;
            case ALLOCATION -> AllocationCard.class;
            case PARTNER_REQUEST -> org.mashlive.board.api.PartnerRequestCard.class;
        };
        return BoardEvent.of(seq, at, type, json.treeToValue(payload, card));
    }
}
