package org.mashlive.board.api;

/** The RSocket routes of the live board. Payloads are JSON ({@code application/json}) or CBOR. */
public final class BoardRoutes {

    /** Request-response: no payload; answers a {@link BoardSnapshot}. */
    public static final String SNAPSHOT = "board.snapshot";

    /**
     * Request-stream: a {@link BoardStreamRequest}; emits {@link BoardUpdate}s, a snapshot first (or
     * the events after {@code lastSeq} when the server still has them), then every change, and a
     * heartbeat when quiet. It never completes while the server runs.
     */
    public static final String STREAM = "board.stream";

    private BoardRoutes() {
    }
}
