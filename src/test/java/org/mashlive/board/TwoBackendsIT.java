package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.mashlive.referral.ReferralSummary;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import reactor.test.StepVerifier;

/**
 * Two backend instances on one PostgreSQL, as behind a load balancer: a change made through one
 * reaches a board subscribed to the other, through the database's NOTIFY alone.
 */
class TwoBackendsIT {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        first = backend();
        second = backend();
    }

    private static ConfigurableApplicationContext backend() {
        return new SpringApplicationBuilder(BackendApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties("spring.config.name=backend",
                        "spring.r2dbc.url=r2dbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "spring.r2dbc.username=postgres",
                        "mash.privacy.child-key-secret=two-backends-test",
                        "mash.backend.port=0", "mash.rsocket.port=0", "mash.simulation.enabled=false")
                .properties(TestClients.externalDeploymentUsers())
                .run();
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String port(ConfigurableApplicationContext context, String which) {
        return context.getEnvironment().getProperty("local." + which + ".port");
    }

    @Test
    void aReferralPostedToOneInstanceReachesASubscriberOfTheOther() {
        var requester = TestClients.rsocket(first.getBean(RSocketRequester.Builder.class),
                Integer.parseInt(port(second, "rsocket.server")), MediaType.APPLICATION_JSON);
        try {
            var web = TestClients.web(Integer.parseInt(port(first, "server")));
            var posted = new java.util.concurrent.atomic.AtomicReference<ReferralSummary>();
            var heard = new java.util.concurrent.atomic.AtomicReference<String>();
            StepVerifier.create(requester.route(BoardRoutes.STREAM).data(BoardStreamRequest.fresh())
                            .retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne)
                            .filter(update -> update.kind() != BoardUpdate.Kind.HEARTBEAT))
                    .assertNext(update -> assertThat(update.kind()).isEqualTo(BoardUpdate.Kind.SNAPSHOT))
                    .then(() -> web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class)
                            .subscribe(posted::set))
                    .assertNext(update -> {
                        assertThat(update.event().type()).isEqualTo(BoardEventType.REFERRAL_RECEIVED);
                        heard.set(update.event().referral().reference());
                    })
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));
            // The event may overtake the HTTP answer; compare once both are in.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> posted.get() != null);
            assertThat(heard.get()).isEqualTo(posted.get().reference());
        } finally {
            requester.dispose();
        }
    }
}
