package org.mashlive.board.api;

import java.time.Instant;
import java.util.List;

/**
 * One item of {@link BoardRoutes#STREAM}: a snapshot, an event, several events sent together,
 * or a heartbeat that says the stream is alive when nothing has happened.
 *
 * @param kind     which of the four it is
 * @param seq      the sequence the client has seen once it applies this item
 * @param at       when the server sent it (UTC); for an event, when it was written; for several,
 *                 when the last of them was
 * @param snapshot set when {@code kind} is {@link Kind#SNAPSHOT}
 * @param event    set when {@code kind} is {@link Kind#EVENT}
 * @param events   set when {@code kind} is {@link Kind#EVENTS}: two or more events in sequence
 *                 order, each one more than the last, the last at {@code seq}
 */
public record BoardUpdate(Kind kind, long seq, Instant at, BoardSnapshot snapshot, BoardEvent event,
                          List<BoardEvent> events) {

    /**
     * What an update is. {@code EVENTS} carries, in one message, events that were committed while
     * the server was still sending the one before to its subscribers: a client applies them in
     * order as if each had come alone.
     */
    public enum Kind { SNAPSHOT, EVENT, EVENTS, HEARTBEAT }

    public BoardUpdate {
        if (kind == Kind.EVENTS) {
            if (events == null || events.size() < 2) {
                throw new IllegalArgumentException("EVENTS carries two events or more");
            }
            events = List.copyOf(events);
            for (int i = 1; i < events.size(); i++) {
                if (events.get(i).seq() != events.get(i - 1).seq() + 1) {
                    throw new IllegalArgumentException("EVENTS carries consecutive events; " + events.get(i).seq()
                            + " came after " + events.get(i - 1).seq());
                }
            }
            if (events.getLast().seq() != seq) {
                throw new IllegalArgumentException("EVENTS ends at its seq " + seq + ", not at " + events.getLast().seq());
            }
        }
    }

    public static BoardUpdate of(BoardSnapshot snapshot) {
        return new BoardUpdate(Kind.SNAPSHOT, snapshot.seq(), snapshot.at(), snapshot, null, null);
    }

    public static BoardUpdate of(BoardEvent event) {
        return new BoardUpdate(Kind.EVENT, event.seq(), event.at(), null, event, null);
    }

    /** One event alone, or two or more consecutive ones together. */
    public static BoardUpdate of(List<BoardEvent> events) {
        if (events.size() == 1) {
            return of(events.getFirst());
        }
        var last = events.getLast();
        return new BoardUpdate(Kind.EVENTS, last.seq(), last.at(), null, null, events);
    }

    public static BoardUpdate heartbeat(long seq, Instant at) {
        return new BoardUpdate(Kind.HEARTBEAT, seq, at, null, null, null);
    }

    /** The events this update carries, in order: one, several, or none for a snapshot or heartbeat. */
    public List<BoardEvent> carried() {
        return switch (kind) {
            case EVENT -> List.of(event);
            case EVENTS -> events;
            case SNAPSHOT, HEARTBEAT -> List.of();
        };
    }
}
