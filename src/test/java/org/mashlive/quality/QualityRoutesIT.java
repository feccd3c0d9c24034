package org.mashlive.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.quality.api.DrawRequest;
import org.mashlive.quality.api.EscalationRef;
import org.mashlive.quality.api.EscalationStep;
import org.mashlive.quality.api.RaiseEscalation;
import org.mashlive.quality.api.ResolveEscalation;
import org.mashlive.quality.api.GradeRequest;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.quality.api.SampleRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * Who may call each quality-assurance and escalation route, over REST and RSocket: hub managers and
 * admins draw, read and grade samples; every person reads their own feedback; hub managers, duty leads
 * and admins record professional disagreements, which service heads may read as well (what one is
 * about, which may name people, duty leads and admins alone); anyone else is
 * refused with the roles named. The table is written out here, not read from the security module, so a wrong rule
 * cannot agree with itself.
 */
@BackendTest
class QualityRoutesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> EVERY_USER = List.of("hub.manager", "duty.lead", "service.head", "admin",
            "intake.client", "front.door");
    private static final List<String> GRADERS = List.of("hub.manager", "admin");
    private static final List<String> ESCALATORS = List.of("hub.manager", "duty.lead", "admin");
    private static final List<String> READERS = List.of("hub.manager", "duty.lead", "service.head", "admin");
    private static final List<String> DETAIL_READERS = List.of("duty.lead", "admin");
    private static final List<String> PEOPLE = List.of("hub.manager", "duty.lead", "service.head", "admin",
            "front.door");

    record Route(HttpMethod method, String path, String body, List<String> allowed, String roles) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Socket(String route, Object payload, List<String> allowed, String roles) {

        @Override
        public String toString() {
            return route;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.POST, "/api/quality/samples", "{\"week\": \"2019-W02\"}", GRADERS,
                    "HUB_MANAGER, ADMIN"),
            new Route(HttpMethod.GET, "/api/quality/samples/2019-W02", null, GRADERS, "HUB_MANAGER, ADMIN"),
            new Route(HttpMethod.GET, "/api/quality/checklist", null, GRADERS, "HUB_MANAGER, ADMIN"),
            new Route(HttpMethod.POST, "/api/quality/grades", "{\"reference\": \"MASH-1999-000001\"}", GRADERS,
                    "HUB_MANAGER, ADMIN"),
            new Route(HttpMethod.GET, "/api/quality/feedback", null, PEOPLE,
                    "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR"),
            new Route(HttpMethod.GET, "/api/escalations", null, READERS, "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN"),
            new Route(HttpMethod.GET, "/api/escalations/resolved", null, READERS,
                    "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN"),
            new Route(HttpMethod.GET, "/api/escalations/999999", null, DETAIL_READERS, "DUTY_LEAD, ADMIN"),
            new Route(HttpMethod.POST, "/api/escalations", "{\"reference\": \"MASH-1999-000001\"}", ESCALATORS,
                    "HUB_MANAGER, DUTY_LEAD, ADMIN"),
            new Route(HttpMethod.POST, "/api/escalations/999999/stage", "{\"stage\": \"MANAGER\"}", ESCALATORS,
                    "HUB_MANAGER, DUTY_LEAD, ADMIN"),
            new Route(HttpMethod.POST, "/api/escalations/999999/resolution", "{\"resolution\": \"Agreed\"}",
                    ESCALATORS, "HUB_MANAGER, DUTY_LEAD, ADMIN"));

    static final List<Socket> SOCKETS = List.of(
            new Socket(QualityRoutes.DRAW, new DrawRequest("2019-W02", null), GRADERS, "HUB_MANAGER, ADMIN"),
            new Socket(QualityRoutes.SAMPLE, new SampleRequest("2019-W02"), GRADERS, "HUB_MANAGER, ADMIN"),
            new Socket(QualityRoutes.CHECKLIST, null, GRADERS, "HUB_MANAGER, ADMIN"),
            new Socket(QualityRoutes.GRADE, new GradeRequest("MASH-1999-000001", Map.of(), "GOOD", "x"), GRADERS,
                    "HUB_MANAGER, ADMIN"),
            new Socket(QualityRoutes.MY_FEEDBACK, null, PEOPLE,
                    "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR"),
            new Socket(QualityRoutes.ESCALATIONS_OPEN, null, READERS, "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN"),
            new Socket(QualityRoutes.ESCALATIONS_RESOLVED, null, READERS, "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN"),
            new Socket(QualityRoutes.ESCALATION_DETAIL, new EscalationRef(999999L), DETAIL_READERS, "DUTY_LEAD, ADMIN"),
            new Socket(QualityRoutes.ESCALATION_RAISE, new RaiseEscalation("MASH-1999-000001", "HEALTH", "HUB", "x"),
                    ESCALATORS, "HUB_MANAGER, DUTY_LEAD, ADMIN"),
            new Socket(QualityRoutes.ESCALATION_STAGE, new EscalationStep(999999L, "MANAGER", null), ESCALATORS,
                    "HUB_MANAGER, DUTY_LEAD, ADMIN"),
            new Socket(QualityRoutes.ESCALATION_RESOLVE, new ResolveEscalation(999999L, "Agreed"), ESCALATORS,
                    "HUB_MANAGER, DUTY_LEAD, ADMIN"));

    @LocalServerPort
    int port;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    static Stream<Arguments> everyRouteAndUser() {
        return ROUTES.stream().flatMap(route -> EVERY_USER.stream().map(user -> Arguments.of(route, user)));
    }

    static Stream<Arguments> everySocketAndCaller() {
        var callers = new ArrayList<>(EVERY_USER);
        callers.add("board");
        return SOCKETS.stream().flatMap(socket -> callers.stream().map(caller -> Arguments.of(socket, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndUser")
    void eachRestRouteLetsInItsRolesAndRefusesOthersNamingTheRoles(Route route, String user) {
        var request = TestClients.webTest(port, TestClients.demoUser(user)).method(route.method()).uri(route.path());
        var response = route.body() == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(route.body()).exchange();
        if (route.allowed().contains(user)) {
            // past security: the handler answers (a 404 or 409 about the data), never a sign-in or role refusal
            response.expectStatus().value(status -> assertThat(status).isNotIn(401, 403, 500));
        } else {
            var problem = response.expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            assertThat(problem.get("detail")).asString().endsWith("requires one of " + route.roles());
        }
    }

    @ParameterizedTest(name = "{0} without credentials")
    @MethodSource("routes")
    void withoutCredentialsEveryRestRouteAnswers401(Route route) {
        var request = TestClients.webTest(port, TestClients.NOBODY).method(route.method()).uri(route.path());
        var response = route.body() == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(route.body()).exchange();
        response.expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Route> routes() {
        return ROUTES.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everySocketAndCaller")
    void eachRSocketRouteLetsInItsRolesAndRefusesOthersNamingTheRoles(Socket socket, String caller) {
        var who = caller.equals("board") ? TestClients.BOARD : TestClients.demoUser(caller);
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, who);
        opened.add(requester);
        var spec = requester.route(socket.route());
        var call = (socket.payload() == null ? spec : spec.data(socket.payload())).retrieveMono(String.class);
        if (socket.allowed().contains(caller)) {
            try {
                call.block(WAIT);
            } catch (RuntimeException e) {
                // past security: what the data makes of it (no such week or referral), not a role refusal
                assertThat(e.getMessage()).doesNotContain("requires one of").doesNotContain("requires signing in");
            }
        } else {
            assertThatThrownBy(() -> call.block(WAIT))
                    .hasMessageContaining(socket.route() + " requires one of " + socket.roles());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sockets")
    void withoutCredentialsEveryRSocketRouteAsksToSignIn(Socket socket) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.NOBODY);
        opened.add(requester);
        var spec = requester.route(socket.route());
        assertThatThrownBy(() -> (socket.payload() == null ? spec : spec.data(socket.payload()))
                .retrieveMono(String.class).block(WAIT)).hasMessageContaining("requires signing in");
    }

    static Stream<Socket> sockets() {
        return SOCKETS.stream();
    }
}
