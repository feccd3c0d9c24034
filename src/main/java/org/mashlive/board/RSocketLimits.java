package org.mashlive.board;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the RSocket server (TCP and WebSocket alike) allows a connection, most of it before the
 * connection has signed in. The defaults suit a hub's board screens and partner systems; the
 * requests they send are a few hundred bytes.
 *
 * @param maxFrameSize             the largest frame read whole; a larger one closes the connection. The
 *                                 server fragments its own larger answers (snapshots) to this size
 * @param maxPayloadSize           the largest request, all its fragments together; more held at once by
 *                                 unfinished requests of one connection closes that connection
 * @param signInDeadline           time a connection has from being accepted to sign in, or it is closed
 * @param maxKeepAliveInterval     the longest keep-alive interval a client may ask for in SETUP
 * @param maxKeepAliveLifetime     the longest keep-alive max lifetime a client may ask for in SETUP: the
 *                                 server drops a connection it has not heard from for that long
 * @param maxConnections           connections open at once, over both transports: 10,000 board screens
 *                                 and room for the rest. Each is an open file: the process's limit
 *                                 ({@code ulimit -n}) must be higher, see {@link RSocketGate}
 * @param maxConnectionsPerAddress connections open at once from one remote address
 */
@ConfigurationProperties("mash.rsocket")
record RSocketLimits(
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("256KB") DataSize maxPayloadSize,
        @DefaultValue("10s") Duration signInDeadline,
        @DefaultValue("60s") Duration maxKeepAliveInterval,
        @DefaultValue("300s") Duration maxKeepAliveLifetime,
        @DefaultValue("12000") int maxConnections,
        @DefaultValue("100") int maxConnectionsPerAddress) {

    /** RSocket's own floor for a frame and for a reassembled payload. */
    private static final long MIN_SIZE = 64;
    /** RSocket frames carry their length in 24 bits. */
    private static final long MAX_FRAME = 0xFF_FFFF;

    RSocketLimits {
        if (maxFrameSize.toBytes() < MIN_SIZE || maxFrameSize.toBytes() > MAX_FRAME) {
            throw new IllegalArgumentException("mash.rsocket.max-frame-size must be 64B to 16MB, not " + maxFrameSize);
        }
        if (maxPayloadSize.toBytes() < maxFrameSize.toBytes() || maxPayloadSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mash.rsocket.max-payload-size must be at least max-frame-size ("
                    + maxFrameSize + ") and below 2GB, not " + maxPayloadSize);
        }
        if (!signInDeadline.isPositive() || !maxKeepAliveInterval.isPositive() || !maxKeepAliveLifetime.isPositive()) {
            throw new IllegalArgumentException(
                    "mash.rsocket.sign-in-deadline, max-keep-alive-interval and max-keep-alive-lifetime must be positive");
        }
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException(
                    "mash.rsocket.max-connections and max-connections-per-address must be 1 or more");
        }
    }

    int frameBytes() {
        return (int) maxFrameSize.toBytes();
    }

    int payloadBytes() {
        return (int) maxPayloadSize.toBytes();
    }
}
