package org.mashlive.bench;

import org.mashlive.TestClients;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;

/**
 * The benchmark's RSocket clients of a running backend. It starts from the tests'
 * {@link TestClients}, so that however a client signs in is decided there. (HTTP posts are
 * {@link Posts}.)
 */
final class BenchClients {

    private static final RSocketStrategies STRATEGIES = RSocketStrategies.builder()
            .encoders(encoders -> encoders.add(new JacksonJsonEncoder()))
            .decoders(decoders -> decoders.add(new JacksonJsonDecoder()))
            .build();

    private BenchClients() {
    }

    /** An RSocket requester over its own TCP connection to {@code port}, sending JSON. */
    static RSocketRequester rsocket(int port) {
        return TestClients.rsocket(RSocketRequester.builder().rsocketStrategies(STRATEGIES), port,
                MediaType.APPLICATION_JSON);
    }
}
