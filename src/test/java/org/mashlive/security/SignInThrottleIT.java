package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.audit.AuditTrail;
import org.mashlive.audit.SignInRefusal;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * Guessing passwords at the backend's two doors, with the default throttle (five failures a minute)
 * and a clock the test moves: the sixth attempt in a minute is refused unchecked, the right password
 * too, until the window has passed; every wrong password is in the audit trail and the meter. Its own
 * context, as it locks accounts and this machine's address.
 */
@SpringBootTest(classes = {BackendApplication.class, SignInThrottleIT.Hands.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "mash.rsocket.port=0", "mash.simulation.enabled=false"})
class SignInThrottleIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final List<String> THIS_MACHINE = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    /** The backend's clock, moved by the tests. */
    @Configuration(proxyBeanMethods = false)
    static class Hands {

        static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

        @Bean
        @Primary
        Clock movableClock() {
            return new Moved(ZoneOffset.UTC);
        }

        /** The moved time, in any zone the backend asks for. */
        private static final class Moved extends Clock {

            private final ZoneId zone;

            Moved(ZoneId zone) {
                this.zone = zone;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return new Moved(other);
            }
        }
    }

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditTrail audit;

    @Autowired
    MeterRegistry meters;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @BeforeEach
    void aFreshWindow() {
        // whatever an earlier test locked has run out
        Hands.NOW.updateAndGet(now -> now.plus(WINDOW.multipliedBy(2)));
    }

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private HttpStatus rest(String user, String password) {
        return HttpStatus.valueOf(TestClients.webTest(httpPort, new TestClients.User(user, password)).get()
                .uri("/api/staff").exchange().returnResult(String.class).getStatus().value());
    }

    private RSocketRequester connect(TestClients.Identity atSetup, boolean tcp) {
        var builder = context.getBean(RSocketRequester.Builder.class);
        var requester = tcp ? TestClients.rsocket(builder, rsocketPort, MediaType.APPLICATION_JSON, atSetup)
                : TestClients.rsocketWebSocket(builder, httpPort, MediaType.APPLICATION_JSON, atSetup);
        opened.add(requester);
        return requester;
    }

    private static BoardSnapshot snapshot(RSocketRequester requester, TestClients.Identity perRequest) {
        var spec = requester.route(BoardRoutes.SNAPSHOT);
        byte[] credentials = TestClients.credentials(perRequest);
        if (credentials != null) {
            spec = spec.metadata(credentials, TestClients.authenticationMimeType());
        }
        return spec.retrieveMono(BoardSnapshot.class).block(WAIT);
    }

    private double refused(String door, String reason) {
        var counter = meters.find(ThrottledSignIns.METER).tag("door", door).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void overHttpTheSixthAttemptInAMinuteIsRefusedUncheckedUntilTheWindowHasPassed() {
        double wrongBefore = refused("rest", "bad-credentials");
        double throttledBefore = refused("rest", "throttled");
        for (int i = 0; i < 5; i++) {
            assertThat(rest("hub.manager", "guess-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        var locked = TestClients.webTest(httpPort, TestClients.demoUser("hub.manager")).get().uri("/api/staff")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(locked.get("detail")).asString().contains("Too many failed sign-ins").contains("60 s");

        Hands.NOW.updateAndGet(now -> now.plus(WINDOW));
        assertThat(rest("hub.manager", TestClients.demoUser("hub.manager").password())).isEqualTo(HttpStatus.OK);

        assertThat(refused("rest", "bad-credentials") - wrongBefore).isEqualTo(5);
        assertThat(refused("rest", "throttled") - throttledBefore).isEqualTo(1);
        List<SignInRefusal> trail = audit.signInRefusals("hub.manager").collectList().block(WAIT);
        assertThat(trail).hasSizeGreaterThanOrEqualTo(5);
        var last = trail.getLast();
        assertThat(last.door()).isEqualTo("rest");
        assertThat(last.address()).isIn(THIS_MACHINE);
        assertThat(last.failures()).isEqualTo(5);
        assertThat(last.lockedUntil()).isNotNull();
    }

    @Test
    void overRSocketTheSixthAttemptInAMinuteIsRefusedOnTheConnectionAndAtSetupUntilTheWindowHasPassed() {
        var guesser = connect(TestClients.NOBODY, true);
        for (int i = 0; i < 5; i++) {
            var guess = new TestClients.User("service.head", "guess-" + i);
            assertThatThrownBy(() -> snapshot(guesser, guess)).hasMessageContaining("Invalid Credentials");
        }
        var right = TestClients.demoUser("service.head");

        assertThatThrownBy(() -> snapshot(guesser, right)).hasMessageContaining("Too many failed sign-ins");
        assertThatThrownBy(() -> snapshot(connect(right, false), TestClients.NOBODY))
                .hasMessageContaining("Too many failed sign-ins");

        Hands.NOW.updateAndGet(now -> now.plus(WINDOW));
        assertThat(snapshot(guesser, right)).isNotNull();
        assertThat(snapshot(connect(right, true), TestClients.NOBODY)).isNotNull();

        var trail = audit.signInRefusals("service.head").collectList().block(WAIT);
        assertThat(trail).hasSize(5).allSatisfy(refusal -> assertThat(refusal.door()).isEqualTo("rsocket"));
        assertThat(trail.getLast().address()).isIn(THIS_MACHINE);
        assertThat(refused("rsocket", "throttled")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneAddressGuessingAcrossManyNamesIsRefusedForEveryName() {
        for (int i = 0; i < 5; i++) {
            assertThat(rest("made.up." + i, "guess")).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(rest("duty.lead", TestClients.demoUser("duty.lead").password()))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        var fromTheSameMachine = connect(TestClients.NOBODY, true);
        assertThatThrownBy(() -> snapshot(fromTheSameMachine, TestClients.demoUser("admin")))
                .hasMessageContaining("Too many failed sign-ins");
        // a board token is no password: not throttled
        assertThat(snapshot(fromTheSameMachine, TestClients.BOARD)).isNotNull();
    }
}
