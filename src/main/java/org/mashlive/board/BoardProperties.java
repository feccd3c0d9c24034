package org.mashlive.board;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live board stream.
 *
 * @param heartbeat      how often a quiet stream says it is alive
 * @param maxReplay      the most events a resuming client is sent instead of a fresh snapshot
 * @param subscriberBuffer events held for a subscriber that reads slowly before it is cut off
 *                       (it then resumes from its last sequence)
 * @param listenRetryMax the longest wait between attempts to LISTEN again after the database
 *                       connection drops
 */
@ConfigurationProperties("mash.board")
public record BoardProperties(
        @DefaultValue("5s") Duration heartbeat,
        @DefaultValue("5000") int maxReplay,
        @DefaultValue("4096") int subscriberBuffer,
        @DefaultValue("10s") Duration listenRetryMax) {

    /** Refuses, at start-up and naming the setting, a value the board cannot run with. */
    public BoardProperties {
        if (!heartbeat.isPositive()) {
            throw new IllegalArgumentException("mash.board.heartbeat must be longer than 0, not " + heartbeat);
        }
        if (maxReplay < 0) {
            throw new IllegalArgumentException("mash.board.max-replay must be 0 or more, not " + maxReplay);
        }
        if (subscriberBuffer < 1) {
            throw new IllegalArgumentException("mash.board.subscriber-buffer must be at least 1, not "
                    + subscriberBuffer);
        }
        if (!listenRetryMax.isPositive()) {
            throw new IllegalArgumentException("mash.board.listen-retry-max must be longer than 0, not "
                    + listenRetryMax);
        }
    }
}
