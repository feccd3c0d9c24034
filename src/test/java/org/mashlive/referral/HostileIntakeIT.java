package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Thousands of generated malformed, oversized and hostile intake bodies: each is refused with a
 * 4xx answer (never a 5xx) and none writes a row. The requests come from a seed, printed on
 * failure and settable with {@code -Dmash.hostile.seed=…}, so a failure can be replayed.
 */
class HostileIntakeIT {

    private static final int REQUESTS = 2000;

    private static MashLive.Running backend;
    private static WebClient api;
    private static DatabaseClient db;

    @BeforeAll
    static void start() {
        backend = MashLive.start("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false");
        api = TestClients.web(Integer.parseInt(backend.backend().getEnvironment().getProperty("local.server.port")));
        db = backend.backend().getBean(DatabaseClient.class);
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private static long rows() {
        return db.sql("SELECT (SELECT count(*) FROM referral) + (SELECT count(*) FROM board_event)")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    @Test
    void everyHostileIntakeIsRefusedWithA4xxAndWritesNothing() {
        long seed = Long.getLong("mash.hostile.seed", System.nanoTime());
        var payloads = new HostilePayloads(seed);
        long before = rows();
        var failures = new ArrayList<String>();
        for (int i = 0; i < REQUESTS && failures.size() < 5; i++) {
            var request = payloads.next();
            int status = api.post().uri("/api/referrals").header("Content-Type", request.contentType())
                    .bodyValue(request.body())
                    .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                    .block(Duration.ofSeconds(30));
            if (status < 400 || status > 499) {
                failures.add(status + " for request " + i + " (" + request.shown() + ")");
            }
        }
        assertThat(failures).as("answers other than 4xx, seed %d", seed).isEmpty();
        assertThat(rows()).as("rows written, seed %d", seed).isEqualTo(before);
    }
}
