package org.mashlive.wallboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the wall-board finds the backend's RSocket server, how patiently it listens, and how it signs
 * in there (see {@link BackendCredentials}).
 *
 * @param host        the backend's host
 * @param rsocketPort its RSocket TCP port
 * @param staleAfter  how long the stream may stay silent before the board calls itself stale; the
 *                    backend sends a heartbeat every few seconds, so this is several of them
 * @param minBackoff  the first pause before reconnecting
 * @param maxBackoff  the longest pause between reconnection attempts
 * @param token       a board token the backend knows ({@code mash.security.board-tokens}); a secret
 * @param username    or a backend user of role BOARD (or any role that may read the board)
 * @param password    that user's password; a secret
 */
@ConfigurationProperties("mash.wallboard.backend")
record BackendProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("7000") int rsocketPort,
        @DefaultValue("15s") Duration staleAfter,
        @DefaultValue("500ms") Duration minBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        String token,
        String username,
        String password) {
}
