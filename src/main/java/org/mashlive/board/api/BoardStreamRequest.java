package org.mashlive.board.api;

/**
 * What a client sends to open {@link BoardRoutes#STREAM}.
 *
 * @param lastSeq the last sequence it applied, to resume without a new snapshot; null for a fresh start
 */
public record BoardStreamRequest(Long lastSeq) {

    public static BoardStreamRequest fresh() {
        return new BoardStreamRequest(null);
    }
}
