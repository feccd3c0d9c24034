package org.mashlive.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Meters whose figures are read from the database afresh on a period rather than at each scrape:
 * the first read once the context has started (so after the schema's migrations), then one per
 * period, never two at once (a tick that comes
 * while a read is still running is dropped). A read that fails is logged and the meters keep their
 * last values until the next.
 */
public abstract class PeriodicMeters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicMeters.class);

    private final Duration every;
    private final String whenFailed;
    private volatile Disposable refreshing;

    /**
     * @param every      the period
     * @param whenFailed what the log says when a read fails
     */
    protected PeriodicMeters(Duration every, String whenFailed) {
        this.every = every;
        this.whenFailed = whenFailed;
    }

    /** Reads the figures once and sets the meters from them. */
    protected abstract Mono<Void> refresh();

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(failure -> {
                    log.warn(whenFailed, failure);
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        var current = refreshing;
        if (current != null) {
            current.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
