package org.mashlive;

import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one place tests make HTTP and RSocket clients of a running backend, so that how a client
 * signs in is decided here once for every test.
 */
public final class TestClients {

    private TestClients() {
    }

    /** A client of the backend's HTTP API on {@code port}. */
    public static WebClient web(int port) {
        return WebClient.create("http://localhost:" + port);
    }

    /** A client of the backend's HTTP API on {@code port}, for assertions on the exchange. */
    public static WebTestClient webTest(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** An RSocket requester over TCP to {@code port}, sending {@code dataType}. */
    public static RSocketRequester rsocket(RSocketRequester.Builder builder, int port, MediaType dataType) {
        return builder.dataMimeType(dataType).tcp("localhost", port);
    }
}
