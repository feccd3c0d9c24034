package org.mashlive.wallboard;

import java.time.Duration;
import java.util.List;

import org.mashlive.kiosk.api.KioskRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hub's team names, as the staff module configures them ({@code mash.staff.teams}, read from
 * the backend's {@value KioskRoutes#TEAMS}): the teams a board, a kiosk token and the duty queue are
 * narrowed to, the same names the capacity figures and Grafana label by. Read at start and every
 * {@link #EVERY}, signed in as the wall-board itself; a failed read keeps the last answer.
 */
@Component
public final class HubTeams implements SmartLifecycle {

    static final Duration EVERY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(HubTeams.class);

    private final BackendClient client;
    private final BackendCredentials credentials;
    private volatile List<String> names = List.of();
    private volatile Disposable polling;

    HubTeams(RSocketStrategies strategies, BackendProperties backend, BackendCredentials credentials) {
        this.client = new BackendClient(strategies, backend);
        this.credentials = credentials;
    }

    /** The teams as last read; empty until the backend first answers. */
    public List<String> names() {
        return names;
    }

    /** Whether {@code team} is one of the hub's teams as last read. */
    public boolean known(String team) {
        return names.contains(team);
    }

    @Override
    public synchronized void start() {
        if (polling == null) {
            // every few seconds until the first answer, then every EVERY
            polling = Flux.interval(Duration.ZERO, Duration.ofSeconds(5))
                    .onBackpressureDrop()
                    .filter(tick -> names.isEmpty() || tick % (EVERY.toSeconds() / 5) == 0)
                    .concatMap(tick -> fetch().doOnNext(read -> names = List.copyOf(read))
                            .onErrorResume(failure -> {
                                log.debug("The hub's teams not read this time: {}", failure.toString());
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

    private Mono<List<String>> fetch() {
        return client.mono(KioskRoutes.TEAMS, credentials.metadata(),
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<String>>() { })).timeout(TIMEOUT);
    }
}
