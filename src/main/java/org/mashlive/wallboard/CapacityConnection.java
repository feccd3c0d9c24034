package org.mashlive.wallboard;

import java.time.Duration;
import java.util.Optional;

import org.mashlive.capacity.api.CapacityRoutes;
import org.mashlive.capacity.api.CapacitySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The wall-board context's one reader of {@link CapacityRoutes#SUMMARY}, shared by every view: it
 * asks the backend every {@link #EVERY} (the figures are trends, a minute old is current enough)
 * on a connection of its own ({@link BackendClient}), and keeps the last answer. A failed request keeps the last answer
 * and is tried again at the next turn.
 */
@Component
final class CapacityConnection implements CapacityFeed, SmartLifecycle {

    static final Duration EVERY = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CapacityConnection.class);
    private final BackendClient client;
    private final BackendCredentials credentials;
    private volatile CapacitySummary latest;
    private volatile Disposable polling;

    CapacityConnection(RSocketStrategies strategies, BackendProperties backend, BackendCredentials credentials) {
        this.client = new BackendClient(strategies, backend);
        this.credentials = credentials;
    }

    @Override
    public Optional<CapacitySummary> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public synchronized void start() {
        if (polling == null) {
            polling = Flux.interval(Duration.ZERO, EVERY)
                    .onBackpressureDrop()
                    .concatMap(tick -> fetch()
                            .doOnNext(summary -> latest = summary)
                            .onErrorResume(failure -> {
                                if (failure instanceof io.rsocket.RSocketErrorException) {
                                    // the backend answered and said no: configuration, not the network
                                    log.warn("The backend refused the capacity figures, signed in with {}: {}",
                                            credentials.describe(), failure.getMessage());
                                } else {
                                    log.debug("Capacity figures not read this time: {}", failure.toString());
                                }
                                return Mono.empty();
                            }))
                    .subscribe();
        }
    }

    @Override
    public synchronized void stop() {
        if (polling != null) {
            polling.dispose();
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }

    private Mono<CapacitySummary> fetch() {
        return client.mono(CapacityRoutes.SUMMARY, credentials.metadata(),
                        route -> route.retrieveMono(CapacitySummary.class))
                .timeout(TIMEOUT);
    }
}
