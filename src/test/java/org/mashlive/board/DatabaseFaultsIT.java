package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestPorts;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.reactivestreams.Subscription;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * The pipeline under faults, against a PostgreSQL of the test's own that it stops and starts
 * again on the same port and data directory: intake answers 503 and records nothing while the
 * database is down, the backend listens again by itself, and a subscriber ends up with every
 * committed event exactly once, in order. And a subscriber that stops reading is cut off without
 * slowing the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path data;
    private int port;
    private EmbeddedPostgres postgres;
    private MashLive.Running backend;
    private WebClient api;
    private final List<RSocketRequester> requesters = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("mash-faults");
        port = TestPorts.free();
        postgres = startPostgres();
        var args = new ArrayList<>(List.of("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false", "--mash.board.listen-retry-max=300ms",
                "--mash.board.subscriber-buffer=32", "--mash.board.heartbeat=1s",
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + port + "/postgres",
                "--spring.r2dbc.username=postgres", "--spring.r2dbc.password=",
                "--mash.privacy.child-key-secret=faults-test-secret"));
        // an external database is a real deployment: it signs in configured users, not the demo's
        for (String setting : TestClients.externalDeploymentUsers()) {
            args.add("--" + setting);
        }
        backend = MashLive.start(args.toArray(String[]::new));
        api = TestClients.web(Integer.parseInt(backend.backend().getEnvironment().getProperty("local.server.port")));
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
    }

    @AfterAll
    void stop() throws IOException {
        requesters.forEach(RSocketRequester::dispose);
        if (backend != null) {
            backend.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private RSocketRequester requester() {
        int rsocket = Integer.parseInt(backend.backend().getEnvironment().getProperty("local.rsocket.server.port"));
        var requester = TestClients.rsocket(backend.backend().getBean(RSocketRequester.Builder.class), rsocket,
                MediaType.APPLICATION_JSON);
        requesters.add(requester);
        return requester;
    }

    private Flux<BoardUpdate> stream(RSocketRequester requester) {
        return requester.route(BoardRoutes.STREAM).data(BoardStreamRequest.fresh()).retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne);
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer post(String body) {
        return api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Answer(response.statusCode().value(),
                                String.valueOf(response.headers().contentType().orElse(null)), text)))
                .block(WAIT);
    }

    private List<Object[]> outbox() throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery(
                     "SELECT seq, payload->>'reference' FROM board_event ORDER BY seq")) {
            var rows = new ArrayList<Object[]>();
            while (result.next()) {
                rows.add(new Object[] {result.getLong(1), result.getString(2)});
            }
            return rows;
        }
    }

    private long referralsWithExternalRef(String externalRef) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.prepareStatement("SELECT count(*) FROM referral WHERE external_ref = ?")) {
            statement.setString(1, externalRef);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void aRestartOfPostgresLosesNoEventAndAppliesNoneTwiceAndIntakeIsRefusedWhileItIsDown() throws Exception {
        var heard = new CopyOnWriteArrayList<BoardUpdate>();
        var snapshotSeq = new AtomicReference<Long>();
        Disposable subscription = stream(requester()).subscribe(update -> {
            if (update.kind() == BoardUpdate.Kind.SNAPSHOT) {
                snapshotSeq.set(update.seq());
            } else if (update.kind() == BoardUpdate.Kind.EVENT) {
                heard.add(update);
            }
        });
        try {
            await().atMost(WAIT).until(() -> snapshotSeq.get() != null);
            for (int i = 0; i < 3; i++) {
                assertThat(post(TestReferrals.police()).status()).isEqualTo(201);
            }

            postgres.close();
            var refusedRefs = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                String externalRef = "MERLIN-DOWN-" + System.nanoTime();
                var answer = post(TestReferrals.police(externalRef, "Down", "Time", "2016-03-04"));
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.contentType()).isEqualTo("application/problem+json");
                assertThat(answer.body()).containsIgnoringCase("the database is unavailable; nothing was recorded");
                refusedRefs.add(externalRef);
            }

            postgres = startPostgres();
            // the backend recovers by itself: intake works again without a restart
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> post(TestReferrals.police()).status() == 201);
            for (int i = 0; i < 3; i++) {
                assertThat(post(TestReferrals.police()).status()).isEqualTo(201);
            }

            var outbox = outbox();
            long last = (Long) outbox.getLast()[0];
            await().atMost(WAIT).until(() -> !heard.isEmpty() && heard.getLast().seq() >= last);
            var expected = outbox.stream().filter(row -> (Long) row[0] > snapshotSeq.get())
                    .map(row -> row[0] + " " + row[1]).toList();
            var received = heard.stream().map(update -> update.seq() + " " + update.event().referral().reference())
                    .toList();
            assertThat(received).containsExactlyElementsOf(expected);
            for (var refused : refusedRefs) {
                assertThat(referralsWithExternalRef(refused)).isZero();
            }
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsCutOffWithoutSlowingTheOthers() throws Exception {
        var liveBoard = backend.backend().getBean(LiveBoard.class);
        int before = liveBoard.subscriberCount();
        var stuckError = new AtomicReference<Throwable>();
        var stuckReceived = new CopyOnWriteArrayList<BoardUpdate>();
        // reads the snapshot, then asks for nothing more: a board that froze
        var stuck = new BaseSubscriber<BoardUpdate>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(BoardUpdate update) {
                stuckReceived.add(update);
            }

            @Override
            protected void hookOnError(Throwable failure) {
                stuckError.set(failure);
            }
        };
        stream(requester()).subscribe(stuck);
        var latencies = new CopyOnWriteArrayList<Duration>();
        var lastSeq = new AtomicReference<Long>(-1L);
        Disposable reader = stream(requester()).subscribe(update -> {
            if (update.kind() == BoardUpdate.Kind.EVENT) {
                latencies.add(Duration.between(update.event().at(), Instant.now()));
            }
            lastSeq.set(update.seq());
        });
        try {
            await().atMost(WAIT).until(() -> stuckReceived.size() == 1 && lastSeq.get() >= 0);
            await().atMost(WAIT).until(() -> liveBoard.subscriberCount() == before + 2);
            Flux.range(0, 100).flatMap(i -> api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(TestReferrals.police()).retrieve().toBodilessEntity(), 4).blockLast(WAIT);
            long last = (Long) outbox().getLast()[0];
            await().atMost(WAIT).until(() -> lastSeq.get() >= last);

            // the stuck one was cut off once its bounded buffer (32) filled, and let go
            await().atMost(WAIT).until(() -> stuckError.get() != null);
            assertThat(stuckError.get().getMessage()).contains("fell too far behind");
            assertThat(stuckReceived).hasSize(1);
            await().atMost(WAIT).until(() -> liveBoard.subscriberCount() == before + 1);
            // the reader kept up all along
            assertThat(latencies).hasSize(100);
            assertThat(latencies).allSatisfy(latency -> assertThat(latency).isLessThan(Duration.ofSeconds(2)));
        } finally {
            reader.dispose();
            stuck.dispose();
        }
    }
}
