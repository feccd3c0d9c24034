package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestPorts;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.referral.ReferralSummary;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The backend's JVM is killed (kill -9) with its embedded PostgreSQL running: the server outlives
 * it, holding the data directory. The next start on that directory stops the leftover server,
 * starts its own, and has lost nothing.
 */
class EmbeddedCrashRecoveryIT {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Process killed;
    private MashLive.Running restarted;

    @AfterEach
    void stop() throws IOException {
        if (killed != null) {
            killed.destroyForcibly();
        }
        if (restarted != null) {
            restarted.close();
        }
        // whatever happened above, no server is left running on the test's directory
        LeftoverPostgres.stop(temp.resolve("data"));
    }

    private static String[] backendArguments(int http, Path data) {
        return new String[] {"--mash.role=backend", "--mash.backend.port=" + http, "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false", "--mash.embedded.data-directory=" + data};
    }

    /** The backend in a JVM of its own, on this test's class path. */
    private Process startInOwnJvm(int http, Path data, Path log) throws IOException {
        String classPath = Objects.requireNonNullElse(System.getProperty("surefire.test.class.path"),
                System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath, "org.mashlive.MashLive"));
        command.addAll(List.of(backendArguments(http, data)));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        return builder.start();
    }

    private static ReferralSummary post(WebClient api) {
        return api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private static boolean answers(WebClient api) {
        try {
            return api.get().uri("/actuator/health").retrieve().toBodilessEntity().block(WAIT)
                    .getStatusCode().is2xxSuccessful();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long pidOfServer(Path data) throws IOException {
        return LeftoverPostgres.pidOf(Files.readAllLines(data.resolve(LeftoverPostgres.PID_FILE))).orElseThrow();
    }

    @Test
    void aKilledBackendsDatabaseIsStoppedAtTheNextStartAndNothingIsLost() throws Exception {
        Path data = temp.resolve("data");
        Path log = temp.resolve("killed.log");
        int http = TestPorts.free();
        var api = TestClients.web(http);
        killed = startInOwnJvm(http, data, log);
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .until(() -> answers(api) || !killed.isAlive());
        assertThat(killed.isAlive()).as("the first start: %s", log).isTrue();
        var first = post(api);
        var second = post(api);

        long server = pidOfServer(data);
        killed.destroyForcibly();   // SIGKILL: no shutdown hook runs
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        killed = null;
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlives the JVM that started it").contains(true);

        restarted = MashLive.start(backendArguments(http, data));
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("the leftover server was stopped")
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(pidOfServer(data)).isNotEqualTo(server);

        for (var before : List.of(first, second)) {
            var found = api.get().uri("/api/referrals/{ref}", before.reference()).retrieve()
                    .bodyToMono(ReferralSummary.class).block(WAIT);
            assertThat(found.id()).isEqualTo(before.id());
            assertThat(found.childKey()).isEqualTo(before.childKey());
        }
        var board = TestClients.rsocket(restarted.backend().getBean(RSocketRequester.Builder.class),
                Integer.parseInt(restarted.backend().getEnvironment().getProperty("local.rsocket.server.port")),
                MediaType.APPLICATION_JSON);
        try {
            var snapshot = board.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT);
            List<Long> seqs = snapshot.recent().stream()
                    .filter(event -> event.referral() != null)
                    .filter(event -> List.of(first.reference(), second.reference())
                            .contains(event.referral().reference()))
                    .map(BoardEvent::seq).toList();
            assertThat(seqs).as("both referrals' events are on the board").hasSize(2);
            assertThat(snapshot.seq()).isGreaterThanOrEqualTo(seqs.stream().mapToLong(Long::longValue).max().orElseThrow());

            var third = post(api);
            assertThat(third.id()).isGreaterThan(second.id());
            assertThat(third.reference()).isNotIn(first.reference(), second.reference());
            // the board learns of the third from PostgreSQL's notification, a moment after the answer
            var after = await("the board's numbering carries on").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> board.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT),
                            next -> next.seq() > snapshot.seq());
            assertThat(after.recent()).anyMatch(event -> event.referral() != null
                    && event.referral().reference().equals(third.reference()) && event.seq() > snapshot.seq());
        } finally {
            board.dispose();
        }
    }
}
