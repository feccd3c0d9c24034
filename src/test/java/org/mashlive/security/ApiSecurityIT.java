package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.referral.ReferralSummary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every REST route against every role: 401 without credentials, 403 naming the roles with the wrong
 * one, and through to the handler with a right one. The table is the brief's, written out again
 * here rather than read from {@link ApiRules}, so a wrong rule cannot agree with itself.
 */
@BackendTest
class ApiSecurityIT {

    private static final String HUB_MANAGER = "hub.manager";
    private static final String DUTY_LEAD = "duty.lead";
    private static final String SERVICE_HEAD = "service.head";
    private static final String ADMIN = "admin";
    private static final String INTAKE = "intake.client";
    private static final String FRONT_DOOR = "front.door";
    private static final List<String> EVERY_USER = List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, INTAKE,
            FRONT_DOOR);

    private static final String PEOPLE = "HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR";
    private static final String SCREENERS = "DUTY_LEAD, ADMIN";

    /** A route, the users allowed, and the roles a refusal names. {@code {ref}} is a fresh open referral. */
    record Route(HttpMethod method, String path, String body, List<String> allowed, String roles) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.POST, "/api/referrals", "police", List.of(INTAKE, FRONT_DOOR, DUTY_LEAD, ADMIN),
                    "INTAKE, FRONT_DOOR, DUTY_LEAD, ADMIN"),
            new Route(HttpMethod.GET, "/api/referrals", null, List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR), PEOPLE),
            new Route(HttpMethod.GET, "/api/referrals/{ref}", null, List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR),
                    PEOPLE),
            new Route(HttpMethod.PUT, "/api/referrals/{ref}/rag", "{\"rag\":\"RED\",\"reason\":\"Escalated\"}",
                    List.of(DUTY_LEAD, ADMIN), SCREENERS),
            new Route(HttpMethod.PUT, "/api/referrals/{ref}/stage", "{\"stage\":\"SCREENING\"}",
                    List.of(DUTY_LEAD, ADMIN), SCREENERS),
            new Route(HttpMethod.POST, "/api/referrals/{ref}/decision", "{\"outcome\":\"NO_FURTHER_ACTION\",\"rationale\":\"Parents engaging; no further concerns\",\"threshold\":\"Universal\",\"nextStep\":\"NO_FURTHER_ACTION\"}",
                    List.of(DUTY_LEAD, ADMIN), SCREENERS));

    /**
     * Routes whose answer past security depends on the data (a 400 for a made-up id, say): here
     * only what security decides is checked.
     */
    static final List<Route> LATER_ROUTES = laterRoutes();

    @LocalServerPort
    int port;

    static List<Route> laterRoutes() {
        var routes = new ArrayList<Route>();
        for (String resource : List.of("/api/staff", "/api/shifts", "/api/establishment")) {
            routes.add(new Route(HttpMethod.GET, resource, null, List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR),
                    PEOPLE));
            routes.add(new Route(HttpMethod.POST, resource, "{}", List.of(DUTY_LEAD, ADMIN), SCREENERS));
            routes.add(new Route(HttpMethod.PUT, resource + "/1", "{}", List.of(DUTY_LEAD, ADMIN), SCREENERS));
            routes.add(new Route(HttpMethod.DELETE, resource + "/1", null, List.of(DUTY_LEAD, ADMIN), SCREENERS));
        }
        String audit = "HUB_MANAGER, DUTY_LEAD, ADMIN";
        routes.add(new Route(HttpMethod.PUT, "/api/referrals/{ref}/allocation", "{\"staffId\":999999}",
                List.of(DUTY_LEAD, ADMIN), SCREENERS));
        routes.add(new Route(HttpMethod.PUT, "/api/referrals/{ref}/police-check/allocation", "{\"staffId\":999999}",
                List.of(DUTY_LEAD, ADMIN), SCREENERS));
        routes.add(new Route(HttpMethod.POST, "/api/referrals/{ref}/police-check", "{\"summary\":\"Nothing known\"}",
                List.of(DUTY_LEAD, ADMIN), SCREENERS));
        routes.add(new Route(HttpMethod.GET, "/api/referrals/{ref}/audit", null, List.of(HUB_MANAGER, DUTY_LEAD, ADMIN),
                audit));
        routes.add(new Route(HttpMethod.GET, "/api/staff/1/audit", null, List.of(HUB_MANAGER, DUTY_LEAD, ADMIN), audit));
        routes.add(new Route(HttpMethod.GET, "/api/reports/front-door?from=2026-01-01&to=2026-01-31", null,
                List.of(SERVICE_HEAD, ADMIN), "SERVICE_HEAD, ADMIN"));
        // management oversight and the rationales it reads: duty leads and admins only
        routes.add(new Route(HttpMethod.POST, "/api/referrals/{ref}/decision/sign-off", null,
                List.of(DUTY_LEAD, ADMIN), SCREENERS));
        routes.add(new Route(HttpMethod.POST, "/api/referrals/{ref}/decision/return", "{\"reason\":\"Ask the school\"}",
                List.of(DUTY_LEAD, ADMIN), SCREENERS));
        routes.add(new Route(HttpMethod.GET, "/api/referrals/{ref}/decisions", null, List.of(DUTY_LEAD, ADMIN),
                SCREENERS));
        routes.add(new Route(HttpMethod.GET, "/api/decisions/awaiting-sign-off", null, List.of(DUTY_LEAD, ADMIN),
                SCREENERS));
        routes.add(new Route(HttpMethod.GET, "/api/allocation/candidates", null,
                List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN, FRONT_DOOR), PEOPLE));
        return routes;
    }

    static Stream<Arguments> everyRouteAndUser() {
        return ROUTES.stream().flatMap(route -> EVERY_USER.stream().map(user -> Arguments.of(route, user)));
    }

    static Stream<Arguments> everyLaterRouteAndUser() {
        return LATER_ROUTES.stream().flatMap(route -> EVERY_USER.stream().map(user -> Arguments.of(route, user)));
    }

    static Stream<Route> everyRoute() {
        return Stream.concat(ROUTES.stream(), LATER_ROUTES.stream());
    }

    private WebTestClient.ResponseSpec call(Route route, TestClients.Identity who) {
        String path = route.path();
        if (path.contains("{ref}")) {
            path = path.replace("{ref}", openReferral());
        }
        var request = TestClients.webTest(port, who).method(route.method()).uri(path);
        if (route.body() != null) {
            String body = route.body().equals("police") ? TestReferrals.police() : route.body();
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return request.exchange();
    }

    private String openReferral() {
        return TestClients.web(port).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class)
                .block(Duration.ofSeconds(10)).reference();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndUser")
    void eachRouteLetsInItsRolesAndRefusesOthersNamingTheRoles(Route route, String user) {
        var response = call(route, TestClients.demoUser(user));
        if (route.allowed().contains(user)) {
            response.expectStatus().is2xxSuccessful();
        } else {
            var problem = problem(response, HttpStatus.FORBIDDEN);
            assertThat(problem.get("detail")).asString().endsWith("requires one of " + route.roles());
            assertThat(problem.get("status")).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyLaterRouteAndUser")
    void staffAllocationAndAuditRoutesLetInTheirRolesAndRefuseOthersNamingTheRoles(Route route, String user) {
        var response = call(route, TestClients.demoUser(user));
        if (route.allowed().contains(user)) {
            // past security: whatever the handler answers, it is not a refusal to sign in or a role refusal
            response.expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
        } else {
            var problem = problem(response, HttpStatus.FORBIDDEN);
            assertThat(problem.get("detail")).asString().endsWith("requires one of " + route.roles());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void withoutCredentialsEveryRouteAnswers401AsAProblem(Route route) {
        var response = call(route, TestClients.NOBODY);
        // no Basic challenge: a browser would ask for a password and then send it to this host for any page
        response.expectHeader().doesNotExist("WWW-Authenticate");
        var problem = problem(response, HttpStatus.UNAUTHORIZED);
        assertThat(problem.get("detail")).asString().contains("HTTP Basic");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void aWrongPasswordAnswers401(Route route) {
        problem(call(route, new TestClients.User(ADMIN, "not-the-password")), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthAndPrometheusAreOpen() {
        TestClients.webTest(port, TestClients.NOBODY).get().uri("/actuator/health").exchange()
                .expectStatus().isOk();
        TestClients.webTest(port, TestClients.NOBODY).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("# TYPE"));
    }

    @Test
    void everythingElseIsRefusedEvenToAnAdmin() {
        for (String path : List.of("/actuator/info", "/actuator/env", "/api/unknown", "/")) {
            problem(TestClients.webTest(port, TestClients.NOBODY).get().uri(path).exchange(), HttpStatus.UNAUTHORIZED);
            var problem = problem(TestClients.webTest(port, TestClients.demoUser(ADMIN)).get().uri(path).exchange(),
                    HttpStatus.FORBIDDEN);
            assertThat(problem.get("detail")).asString().contains("is not available");
        }
    }

    @Test
    void noSessionIsKept() {
        TestClients.webTest(port).get().uri("/api/referrals").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie");
    }
}
