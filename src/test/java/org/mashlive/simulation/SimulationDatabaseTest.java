package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.referral.Referral;
import org.mashlive.referral.ReferralService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The back-filled demo day lands in the embedded PostgreSQL through the real intake path. */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "spring.main.web-application-type=reactive", "mash.rsocket.port=0",
                "mash.simulation.seed=20260302"})
class SimulationDatabaseTest {

    @Autowired
    ReferralService referrals;

    @Autowired
    SimulationLifecycle simulation;

    @Test
    void anEmptyDatabaseOpensWithThreeDaysOfReferrals() {
        assertThat(simulation.isRunning()).as("on by default with the embedded database").isTrue();
        Instant started = Instant.now();

        // the back-fill has reached the last hours (or is over and the live day has begun)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(referrals.open().collectList().block())
                .anyMatch(referral -> referral.receivedAt().isAfter(started.minus(Duration.ofHours(12)))));

        List<Referral> open = referrals.open().collectList().block();
        assertThat(open).allSatisfy(referral -> {
            assertThat(referral.receivedAt()).isAfter(started.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(1)));
            assertThat(referral.childKey()).isNotBlank();
        });
        assertThat(open).extracting(Referral::receivedAt).isSorted();
        long highestId = open.stream().mapToLong(Referral::id).max().orElseThrow();
        assertThat((long) open.size()).as("some back-filled referrals are decided already").isLessThan(highestId);
        assertThat(open).anyMatch(referral -> referral.receivedAt().isBefore(started.minus(Duration.ofHours(6))));
    }
}
