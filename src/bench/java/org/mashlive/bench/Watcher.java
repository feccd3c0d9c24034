package org.mashlive.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
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
                .retrieveFlux(byte[].class)
                .subscribe(this::on, failure -> error = failure);
        return this;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    static long nowMicros() {
        return micros(Instant.now());
    }

    /**
     * One update as the backend sent it. Only its kind, sequence and time are read, straight from
     * the JSON text: with thousands of subscribers in this one process, decoding every update in full
     * would make the load generator, not the backend, the thing measured.
     */
    private void on(byte[] json) {
        long arrived = nowMicros();
        String text = new String(json, StandardCharsets.US_ASCII);
        String kind = string(text, "\"kind\":\"");
        long updateSeq = Long.parseLong(number(text, "\"seq\":"));
        switch (kind) {
            case "SNAPSHOT" -> {
                snapshots++;
                seq = updateSeq;
            }
            case "EVENT" -> event(updateSeq, arrived - micros(Instant.parse(string(text, "\"at\":\""))));
            case "EVENTS" -> {
                // several events sent together: read in full, each with its own commit time (a hundred
                // watchers at most decode them, so the load generator's cost stays small)
                for (var event : JSON.readTree(json).get("events")) {
                    event(event.get("seq").asLong(), arrived - micros(Instant.parse(event.get("at").asString())));
                }
            }
            default -> {
            }
        }
    }

    private void event(long eventSeq, long latency) {
        synchronized (this) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count * 2);
            }
            samples[count++] = latency;
        }
        if (seq >= 0 && eventSeq != seq + 1) {
            gaps++;
        }
        seq = eventSeq;
    }

    /** The string value after the first {@code key} (which ends with the opening quote). */
    private static String string(String text, String key) {
        int start = text.indexOf(key) + key.length();
        return text.substring(start, text.indexOf('"', start));
    }

    /** The number after the first {@code key}. */
    private static String number(String text, String key) {
        int start = text.indexOf(key) + key.length();
        int end = start;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return text.substring(start, end);
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
