package org.mashlive.bench;

import java.time.Instant;
import java.util.Arrays;

import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.Disposable;

/**
 * One {@code board.stream} subscriber on its own connection: records, for every event, the time
 * from the event's {@code at} to its arrival here, and checks that sequences arrive gapless.
 */
final class Watcher implements AutoCloseable {

    private final RSocketRequester requester;
    private Disposable subscription;
    private long[] samples = new long[256];
    private int count;
    volatile long seq = -1;
    volatile int gaps;
    volatile int snapshots;
    volatile Throwable error;

    Watcher(int port) {
        this.requester = BenchClients.rsocket(port);
    }

    Watcher start() {
        subscription = requester.route(BoardRoutes.STREAM).data(BoardStreamRequest.fresh())
                .retrieveFlux(BoardUpdate.class)
                .subscribe(this::on, failure -> error = failure);
        return this;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    static long nowMicros() {
        return micros(Instant.now());
    }

    private void on(BoardUpdate update) {
        switch (update.kind()) {
            case SNAPSHOT -> {
                snapshots++;
                seq = update.seq();
            }
            case EVENT -> {
                long latency = nowMicros() - micros(update.event().at());
                synchronized (this) {
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = latency;
                }
                if (seq >= 0 && update.seq() != seq + 1) {
                    gaps++;
                }
                seq = update.seq();
            }
            case HEARTBEAT -> {
            }
        }
    }

    /** The latencies recorded since the last call, in microseconds. */
    synchronized long[] drain() {
        long[] out = Arrays.copyOf(samples, count);
        count = 0;
        return out;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.dispose();
        }
        requester.dispose();
    }
}
