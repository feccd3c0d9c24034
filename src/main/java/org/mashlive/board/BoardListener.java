package org.mashlive.board;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.platform.PostgresEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears committed board events through PostgreSQL LISTEN/NOTIFY on a connection of its own, and
 * turns them into one ordered, gapless stream: whatever a notification leaves out (it was too
 * large, or arrived while the connection was down, or before LISTEN took effect) is read from
 * the outbox. No polling: the outbox is read only on (re)connect and when a gap shows.
 */
@Component
class BoardListener implements org.springframework.beans.factory.DisposableBean {

    static final String CHANNEL = "mash_board";

    private static final Logger log = LoggerFactory.getLogger(BoardListener.class);
    private static final int PAGE = 1000;

    private final PostgresEndpoint endpoint;
    private final BoardEventStore store;
    private final JsonMapper json;
    private final BoardProperties properties;

    /**
     * The thread that reads the LISTEN connection, its own: on the driver's shared threads a
     * notification waited behind the intake's statements and answers on the same thread, so under
     * load an event reached the board later than its commit by however much intake work was queued.
     */
    private final reactor.netty.resources.LoopResources loop =
            reactor.netty.resources.LoopResources.create("mash-board-listen", 1, true);

    BoardListener(PostgresEndpoint endpoint, BoardEventStore store, JsonMapper json, BoardProperties properties) {
        this.endpoint = endpoint;
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    /**
     * Every event after {@code lastApplied}, in sequence order with none missing, forever: on a
     * lost connection it LISTENs again with backoff and catches up from the outbox.
     *
     * @param lastApplied the last sequence the subscriber has applied; read before each lookup,
     *                    so the subscriber must apply each event before asking for the next
     */
    Flux<BoardEvent> events(LongSupplier lastApplied) {
        return Flux.usingWhen(
                        endpoint.connectionFactory(loop).create(),
                        connection -> listen(connection, lastApplied),
                        PostgresqlConnection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
                        .maxBackoff(properties.listenRetryMax())
                        .doBeforeRetry(signal -> log.warn("Board LISTEN connection lost ({}); listening again",
                                signal.failure().toString())));
    }

    @Override
    public void destroy() {
        loop.dispose();
    }

    private Flux<BoardEvent> listen(PostgresqlConnection connection, LongSupplier lastApplied) {
        // Subscribe to notifications before LISTEN so none is dropped, then catch up from the
        // outbox once LISTEN is in force: together they miss nothing, and duplicates are skipped.
        Flux<Heard> heard = connection.getNotifications()
                .map(notification -> parse(notification.getParameter()))
                .concatWith(Mono.error(() -> new IllegalStateException("the LISTEN connection closed")));
        Mono<Heard> caughtUp = connection.createStatement("LISTEN " + CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(Mono.fromSupplier(() -> new Heard(Long.MAX_VALUE, null)))
                .doOnSuccess(ignored -> log.info("Listening for board events on {}", endpoint));
        return Flux.merge(heard, caughtUp)
                .concatMap(item -> Flux.defer(() -> resolve(item, lastApplied.getAsLong())));
    }

    private Flux<BoardEvent> resolve(Heard item, long last) {
        if (item.seq() <= last) {
            return Flux.empty();
        }
        if (item.seq() == last + 1 && item.event() != null) {
            return Flux.just(item.event());
        }
        return missing(last, item.seq());
    }

    /** The events after {@code last} up to {@code upTo}, read from the outbox. */
    private Flux<BoardEvent> missing(long last, long upTo) {
        return store.after(last, (int) Math.min(PAGE, upTo - last))
                .collectList()
                .flatMapMany(page -> {
                    if (page.size() < PAGE || page.getLast().seq() >= upTo) {
                        return Flux.fromIterable(page);
                    }
                    return Flux.fromIterable(page).concatWith(Flux.defer(() -> missing(page.getLast().seq(), upTo)));
                });
    }

    /**
     * Reads a notification: the whole event, or only its sequence when the event was too large
     * to travel in it (the outbox then supplies it).
     */
    private Heard parse(String payload) {
        JsonNode node = json.readTree(payload);
        long seq = node.get("seq").asLong();
        if (!node.has("payload")) {
            return new Heard(seq, null);
        }
        return new Heard(seq, BoardPayloads.event(json, seq, java.time.Instant.parse(node.get("at").asString()),
                BoardEventType.valueOf(node.get("type").asString()), node.get("payload")));
    }

    /** A sequence that is known to be committed, with its event when the notification carried it. */
    private record Heard(long seq, BoardEvent event) {
    }
}
