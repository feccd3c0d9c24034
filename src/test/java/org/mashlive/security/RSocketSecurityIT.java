package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.core.publisher.Mono;

/**
 * The board's RSocket routes against every kind of caller, over TCP and over WebSocket: refused
 * without credentials, refused naming the roles with the wrong role, served with a board token or a
 * person's credentials, given at setup or with the request.
 */
@BackendTest
class RSocketSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String READERS = "requires one of BOARD, HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN";

    enum Transport { TCP, WEBSOCKET }

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    static Stream<Arguments> routesAndTransports() {
        return Stream.of(BoardRoutes.SNAPSHOT, BoardRoutes.STREAM)
                .flatMap(route -> Stream.of(Transport.values()).map(transport -> Arguments.of(route, transport)));
    }

    private RSocketRequester connect(Transport transport, TestClients.Identity atSetup) {
        // Boot's builder is prototype-scoped: a fresh one for each connection keeps setups apart
        var builder = context.getBean(RSocketRequester.Builder.class);
        var requester = transport == Transport.TCP
                ? TestClients.rsocket(builder, rsocketPort, MediaType.APPLICATION_JSON, atSetup)
                : TestClients.rsocketWebSocket(builder, httpPort, MediaType.APPLICATION_JSON, atSetup);
        opened.add(requester);
        return requester;
    }

    /** The first item the route answers, with {@code perRequest} credentials when given. */
    private static Mono<String> first(RSocketRequester requester, String route, TestClients.Identity perRequest) {
        var spec = requester.route(route);
        byte[] credentials = TestClients.credentials(perRequest);
        if (credentials != null) {
            spec = spec.metadata(credentials, TestClients.authenticationMimeType());
        }
        return route.equals(BoardRoutes.SNAPSHOT)
                ? spec.retrieveMono(BoardSnapshot.class).map(snapshot -> "snapshot at " + snapshot.seq())
                : spec.data(BoardStreamRequest.fresh()).retrieveFlux(BoardUpdate.class).next()
                        .map(update -> update.kind() + " at " + update.seq());
    }

    private static void served(Mono<String> answer) {
        assertThat(answer.block(WAIT)).matches("(snapshot|SNAPSHOT) at \\d+");
    }

    private static void refused(Mono<String> answer, String because) {
        assertThatThrownBy(() -> answer.block(WAIT)).hasMessageContaining(because);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("routesAndTransports")
    void withoutCredentialsTheRouteIsRefused(String route, Transport transport) {
        refused(first(connect(transport, TestClients.NOBODY), route, TestClients.NOBODY),
                route + " requires signing in");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("routesAndTransports")
    void anIntakeClientIsRefusedWithTheRolesItLacks(String route, Transport transport) {
        var intake = TestClients.demoUser("intake.client");
        refused(first(connect(transport, intake), route, TestClients.NOBODY), route + " " + READERS);
        refused(first(connect(transport, TestClients.NOBODY), route, intake), route + " " + READERS);
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("routesAndTransports")
    void theBoardTokenIsServedAtSetupOrPerRequest(String route, Transport transport) {
        served(first(connect(transport, TestClients.BOARD), route, TestClients.NOBODY));
        served(first(connect(transport, TestClients.NOBODY), route, TestClients.BOARD));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("routesAndTransports")
    void everyPersonMayReadTheBoard(String route, Transport transport) {
        for (String user : List.of("hub.manager", "duty.lead", "service.head", "admin")) {
            served(first(connect(transport, TestClients.demoUser(user)), route, TestClients.NOBODY));
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("routesAndTransports")
    void aRequestsOwnCredentialsWinOverTheConnections(String route, Transport transport) {
        var requester = connect(transport, TestClients.BOARD);
        refused(first(requester, route, TestClients.demoUser("intake.client")), READERS);
        served(first(requester, route, TestClients.NOBODY));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("routesAndTransports")
    void wrongCredentialsAreRejected(String route, Transport transport) {
        refused(first(connect(transport, TestClients.NOBODY), route, new TestClients.Token("not-a-board-token")),
                "Unknown board token");
        refused(first(connect(transport, TestClients.NOBODY), route, new TestClients.User("admin", "wrong")),
                "Invalid Credentials");
        // wrong credentials at setup: the connection itself is rejected
        refused(first(connect(transport, new TestClients.Token("not-a-board-token")), route, TestClients.NOBODY),
                "Unknown board token");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("routesAndTransports")
    void anUnknownRouteIsRefusedEvenToAnAdmin(String route, Transport transport) {
        var admin = connect(transport, TestClients.demoUser("admin"));
        refused(admin.route("board.secret").retrieveMono(String.class), "Access Denied");
    }
}
