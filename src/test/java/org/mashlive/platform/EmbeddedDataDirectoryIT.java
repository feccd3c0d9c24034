package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.referral.ReferralSummary;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** With a data directory configured, the embedded database keeps its data across a restart. */
class EmbeddedDataDirectoryIT {

    @TempDir
    Path data;

    private static MashLive.Running backend(Path data) {
        return MashLive.start("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false", "--mash.embedded.data-directory=" + data);
    }

    private static WebClient web(MashLive.Running running) {
        return TestClients.web(Integer.parseInt(running.backend().getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void aReferralSurvivesARestartAndNumberingCarriesOn() {
        ReferralSummary before;
        try (var running = backend(data)) {
            assertThat(running.wallboard()).isNull();
            before = web(running).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class)
                    .block(Duration.ofSeconds(10));
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        try (var running = backend(data)) {
            var found = web(running).get().uri("/api/referrals/{ref}", before.reference()).retrieve()
                    .bodyToMono(ReferralSummary.class).block(Duration.ofSeconds(10));
            assertThat(found.id()).isEqualTo(before.id());
            assertThat(found.childKey()).isEqualTo(before.childKey());
            var next = web(running).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class)
                    .block(Duration.ofSeconds(10));
            assertThat(next.id()).isGreaterThan(before.id());
            assertThat(next.reference()).isNotEqualTo(before.reference());
        }
    }
}
