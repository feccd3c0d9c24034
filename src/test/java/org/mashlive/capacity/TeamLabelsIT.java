package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * A person's team is free text; {@code /actuator/prometheus} is open. A person taken on with a
 * team nobody configured, however hostile its name, adds no label value: they count as "other".
 */
@BackendTest
class TeamLabelsIT {

    @LocalServerPort
    int port;

    @Autowired
    WorkforceMeters meters;

    @Autowired
    CapacityService capacity;

    @Test
    void theCapacityFiguresNameTheSameTeamsAsTheMetrics() {
        String marker = "Unconfigured" + System.nanoTime();
        for (String team : java.util.List.of(marker, "Early help")) {
            TestClients.webTest(port).post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\": \"Y. Team\", \"role\": \"SOCIAL_WORKER\", \"team\": \"" + team
                            + "\", \"contract\": \"FULL_TIME\"}")
                    .exchange().expectStatus().isCreated();
        }
        var teams = capacity.summary().block(Duration.ofSeconds(30)).workforce().stream()
                .map(org.mashlive.capacity.api.RoleStaffing::team).distinct().toList();
        assertThat(teams).contains("Early help", TeamLabels.OTHER).doesNotContain(marker);
    }

    @Test
    void aTeamNobodyConfiguredAddsNoLabelValueToTheOpenMetrics() {
        String marker = "Evil" + System.nanoTime();
        String team = marker + "\\\"} mash_injected{team=\\\"<script>alert(1)</script>";
        TestClients.webTest(port).post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\": \"Z. Label\", \"role\": \"SOCIAL_WORKER\", \"team\": \"" + team
                        + "\", \"contract\": \"FULL_TIME\"}")
                .exchange().expectStatus().isCreated();
        meters.refresh().block(Duration.ofSeconds(30));

        String scraped = TestClients.webTest(port, TestClients.NOBODY).get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scraped).doesNotContain(marker, "mash_injected", "<script>")
                .containsPattern("mash_staff_on_duty\\{[^}]*team=\"other\"");
    }
}
