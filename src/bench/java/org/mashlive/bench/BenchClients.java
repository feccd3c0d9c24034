package org.mashlive.bench;

import java.time.Duration;

import org.mashlive.TestClients;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The one place the benchmark makes clients of a running backend. It starts from the tests'
 * {@link TestClients}, so that however a client signs in is decided there, and only widens the
 * connection pool so that a burst is not queued in the client.
 */
final class BenchClients {

    private static final RSocketStrategies STRATEGIES = RSocketStrategies.builder()
            .encoders(encoders -> encoders.add(new JacksonJsonEncoder()))
            .decoders(decoders -> decoders.add(new JacksonJsonDecoder()))
            .build();

    private static final ConnectionProvider POOL = ConnectionProvider.builder("bench")
            .maxConnections(600)
            .pendingAcquireMaxCount(100_000)
            .pendingAcquireTimeout(Duration.ofSeconds(60))
            .build();

    private BenchClients() {
    }

    /** A client of the backend's HTTP API on {@code port}. */
    static WebClient web(int port) {
        return TestClients.web(port).mutate()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(POOL)))
                .build();
    }

    /** An RSocket requester over its own TCP connection to {@code port}, sending JSON. */
    static RSocketRequester rsocket(int port) {
        return TestClients.rsocket(RSocketRequester.builder().rsocketStrategies(STRATEGIES), port,
                MediaType.APPLICATION_JSON);
    }
}
