package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.board.LiveBoard;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * A hub whose calendar is not London's: the zone and core hours configured under
 * {@code mash.calendar} reach the board snapshot (from which every wall-board shows its times)
 * and the API's local times, with no other setting.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "mash.rsocket.port=0", "mash.simulation.enabled=false",
                "mash.calendar.zone=Pacific/Auckland", "mash.calendar.day-start=09:00",
                "mash.calendar.day-end=17:30"})
class HubZoneIT {

    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Autowired
    LiveBoard board;

    @Test
    void theBoardSnapshotCarriesTheHubsZoneAndCoreHoursAndCountsItsDayThere() {
        var snapshot = board.snapshot().block(WAIT);

        var core = snapshot.rota().coreHours();
        assertThat(core.zone()).isEqualTo(AUCKLAND);
        assertThat(core.dayStart()).isEqualTo(LocalTime.of(9, 0));
        assertThat(core.dayEnd()).isEqualTo(LocalTime.of(17, 30));
        assertThat(snapshot.day()).isEqualTo(LocalDate.ofInstant(snapshot.at(), AUCKLAND));
    }

    @Test
    void theApisLocalTimesAreInTheHubsZone() {
        var cover = TestClients.webTest(port).get().uri("/api/staff/cover").exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

        var handover = Instant.parse((String) cover.get("nextHandover"));
        assertThat(LocalDateTime.parse((String) cover.get("nextHandoverLocal")))
                .isEqualTo(LocalDateTime.ofInstant(handover, AUCKLAND));
        // core hours start or end at the next handover, on Auckland's wall clock
        assertThat(LocalDateTime.ofInstant(handover, AUCKLAND).toLocalTime())
                .isIn(LocalTime.of(9, 0), LocalTime.of(17, 30));
    }
}
