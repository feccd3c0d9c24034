package org.mashlive.board.api;

import java.time.Instant;

/**
 * One item of {@link BoardRoutes#STREAM}: a snapshot, an event, or a heartbeat that says the
 * stream is alive when nothing has happened.
 *
 * @param kind     which of the three it is
 * @param seq      the sequence the client has seen once it applies this item
 * @param at       when the server sent it (UTC)
 * @param snapshot set when {@code kind} is {@link Kind#SNAPSHOT}
 * @param event    set when {@code kind} is {@link Kind#EVENT}
 */
public record BoardUpdate(Kind kind, long seq, Instant at, BoardSnapshot snapshot, BoardEvent event) {

    public enum Kind { SNAPSHOT, EVENT, HEARTBEAT }

    public static BoardUpdate of(BoardSnapshot snapshot) {
        return new BoardUpdate(Kind.SNAPSHOT, snapshot.seq(), snapshot.at(), snapshot, null);
    }

    public static BoardUpdate of(BoardEvent event) {
        return new BoardUpdate(Kind.EVENT, event.seq(), event.at(), null, event);
    }

    public static BoardUpdate heartbeat(long seq, Instant at) {
        return new BoardUpdate(Kind.HEARTBEAT, seq, at, null, null);
    }
}
