package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.mashlive.report.FrontDoorReport;
import org.mashlive.report.ReportSql;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A month of the simulated hub, back-filled through the real intake and decision paths (decisions,
 * sign-offs and returns each at its own time), then reported on: every figure of the front-door
 * report equals the test's own SQL over the same days, and the month looks like a hub's month.
 * The simulation runs so slowly afterwards that nothing moves while the figures are compared.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "spring.main.web-application-type=reactive", "mash.rsocket.port=0",
                "mash.simulation.enabled=true", "mash.simulation.seed=20261130", "mash.simulation.backfill-days=30",
                "mash.simulation.speed=0.0001"})
class SimulatedMonthReportIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    SimulationLifecycle simulation;

    @Autowired
    Clock clock;

    @Test
    void theReportOfASimulatedMonthEqualsTheDatabasesOwnCounts() {
        await().atMost(Duration.ofMinutes(5)).until(simulation::warm);
        // the 28 whole days before today, all inside the back-filled 30
        LocalDate to = LocalDate.ofInstant(clock.instant(), LONDON).minusDays(1);
        LocalDate from = to.minusDays(27);

        var report = TestClients.webTest(port, new TestClients.User("service.head", Access.DEMO_PASSWORD)).mutate()
                .responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/api/reports/front-door?from=" + from + "&to=" + to).accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk()
                .expectBody(FrontDoorReport.class).returnResult().getResponseBody();

        new ReportSql(db, alias -> alias + "received_at >= '" + from.atStartOfDay(LONDON).toOffsetDateTime() + "' AND "
                + alias + "received_at < '" + to.plusDays(1).atStartOfDay(LONDON).toOffsetDateTime() + "'")
                .assertEqualTo(report);

        System.out.printf(Locale.UK, "Simulated month %s to %s: %d contacts, %d decided; within one working day %.1f%%, "
                        + "within the RAG timescale %.1f%%; %d signed off (median %.0f min), %d returned%n",
                from, to, report.contacts(), report.decided(), 100 * report.shareWithinOneWorkingDay(),
                100.0 * report.decidedWithinRagTimescale() / report.decided(), report.signedOff(),
                report.medianSecondsToSignOff() / 60, report.returnedDecisions());

        // a London borough's month: about 15,000 contacts a year
        assertThat(report.contacts()).isBetween(700L, 1_800L);
        assertThat(report.decided()).isGreaterThan(report.contacts() * 8 / 10);
        // most decisions within a working day, and some late: the board has something to show
        assertThat(report.shareWithinOneWorkingDay()).isBetween(0.6, 0.99);
        // decisions needing oversight were signed off, a few returned first, 5 to 90 minutes after deciding
        assertThat(report.signedOff()).isGreaterThan(report.decided() / 4);
        assertThat(report.returnedDecisions()).isBetween(1L, report.signedOff() / 4);
        assertThat(report.medianSecondsToSignOff()).isBetween(5 * 60.0, 90 * 60.0);
    }
}
