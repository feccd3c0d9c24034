package org.mashlive.wallboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the wall-board finds the backend's RSocket server, and how patiently it listens.
 *
 * @param host        the backend's host
 * @param rsocketPort its RSocket TCP port
 * @param staleAfter  how long the stream may stay silent before the board calls itself stale; the
 *                    backend sends a heartbeat every few seconds, so this is several of them
 * @param minBackoff  the first pause before reconnecting
 * @param maxBackoff  the longest pause between reconnection attempts
 */
@ConfigurationProperties("mash.wallboard.backend")
record BackendProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("7000") int rsocketPort,
        @DefaultValue("15s") Duration staleAfter,
        @DefaultValue("500ms") Duration minBackoff,
        @DefaultValue("10s") Duration maxBackoff) {
}
