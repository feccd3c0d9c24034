package org.mashlive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The front-door report over hand-built contacts in March 2019, a month no other test writes to:
 * its figures against what the test knows of each contact and against the test's own SQL.
 */
@BackendTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDoorReportIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final TestClients.Identity SERVICE_HEAD = new TestClients.User("service.head", Access.DEMO_PASSWORD);
    static final String MARCH = "/api/reports/front-door?from=2019-03-01&to=2019-03-31";

    /** Generous on a busy machine: these tests are about the figures, not the speed. */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    int number;

    static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    WebTestClient client() {
        return TestClients.webTest(port, SERVICE_HEAD).mutate().responseTimeout(TIMEOUT).build();
    }

    /** One contact as stored; decidedAt null leaves it open. */
    void contact(String childKey, String received, String source, String healthType, String channel,
                 String ragDue, String outcome, String decided) {
        var spec = db.sql("""
                        INSERT INTO referral (reference, received_at, channel, source, health_type, child_first_name,
                            child_last_name, child_date_of_birth, child_key, child_initials, concern, consent, rag,
                            stage, outcome, decided_at, due_at, re_referral, updated_at)
                        VALUES (:reference, :received, :channel, :source, :healthType, 'Report', 'Child', '2012-01-01',
                            :childKey, 'R.C.', 'Hand-built for the report', 'GIVEN', 'AMBER', :stage, :outcome,
                            :decided, :due, false, :received)""")
                .bind("reference", "MASH-2019-R" + (++number))
                .bind("received", london(received).atOffset(ZoneOffset.UTC))
                .bind("channel", channel)
                .bind("source", source)
                .bind("childKey", childKey)
                .bind("stage", decided == null ? "SCREENING" : "DECIDED")
                .bind("due", london(ragDue).atOffset(ZoneOffset.UTC));
        spec = healthType == null ? spec.bindNull("healthType", String.class) : spec.bind("healthType", healthType);
        spec = outcome == null ? spec.bindNull("outcome", String.class) : spec.bind("outcome", outcome);
        spec = decided == null ? spec.bindNull("decided", java.time.OffsetDateTime.class)
                : spec.bind("decided", london(decided).atOffset(ZoneOffset.UTC));
        spec.then().block();
    }

    @BeforeAll
    void march2019() {
        String run = Long.toString(System.nanoTime());
        // decided the same day: within one working day, but after its RAG due time
        contact("a-" + run, "2019-03-13T10:00", "POLICE", null, "POLICE_NOTIFICATION", "2019-03-13T12:00",
                "STRATEGY_S47", "2019-03-13T15:00");
        // decided a minute before one working day is up (Thursday 10:00), within its RAG time
        contact("b-" + run, "2019-03-13T10:00", "HEALTH", "GP", "EMAIL", "2019-03-15T10:00",
                "EARLY_HELP", "2019-03-14T09:59");
        // decided a minute after one working day: late on the statutory clock, within the RAG's
        contact("c-" + run, "2019-03-13T10:00", "HEALTH", null, "PORTAL", "2019-03-18T10:00",
                "NO_FURTHER_ACTION", "2019-03-14T10:01");
        // a Saturday contact is due at the end of Monday: decided Monday 16:30 is within
        contact("d-" + run, "2019-03-16T11:00", "EDUCATION", null, "PHONE", "2019-03-20T11:00",
                "EARLY_HELP", "2019-03-18T16:30");
        // still open
        contact("e-" + run, "2019-03-19T09:00", "EDUCATION", null, "PHONE", "2019-03-22T09:00", null, null);
        // re-referral: the same child referred 11 months before (outside the period) counts
        contact("x-" + run, "2018-04-20T10:00", "POLICE", null, "PHONE", "2018-04-21T10:00",
                "NO_FURTHER_ACTION", "2018-04-20T12:00");
        contact("x-" + run, "2019-03-20T10:00", "POLICE", null, "PHONE", "2019-03-21T10:00", null, null);
        // not a re-referral: the child's previous referral was 13 months before
        contact("y-" + run, "2018-02-10T10:00", "POLICE", null, "PHONE", "2018-02-11T10:00",
                "NO_FURTHER_ACTION", "2018-02-10T12:00");
        contact("y-" + run, "2019-03-11T10:00", "VOLUNTARY", null, "EMAIL", "2019-03-12T10:00", null, null);
        // a child referred twice within the period: only the second is a re-referral
        contact("z-" + run, "2019-03-05T10:00", "POLICE", null, "PHONE", "2019-03-06T10:00", null, null);
        contact("z-" + run, "2019-03-25T10:00", "POLICE", null, "PHONE", "2019-03-26T10:00", null, null);
        // just outside the period on either side: not counted
        contact("o-" + run, "2019-02-28T23:59", "POLICE", null, "PHONE", "2019-03-01T10:00", null, null);
        contact("o-" + run + "-2", "2019-04-01T00:00", "POLICE", null, "PHONE", "2019-04-02T10:00", null, null);
    }

    FrontDoorReport march() {
        return client().get().uri(MARCH).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(FrontDoorReport.class).returnResult().getResponseBody();
    }

    long sql(String query) {
        return db.sql(query).map(row -> row.get(0, Long.class)).one().block();
    }

    static final String PERIOD = period("");

    /** March 2019 in London time, on the columns of {@code alias} (empty for none). */
    static String period(String alias) {
        return alias + "received_at >= '2019-03-01T00:00:00Z' AND " + alias
                + "received_at < '2019-04-01T00:00:00+01:00'";
    }

    @Test
    void theFiguresAreWhatTheTestKnowsOfEachContact() {
        var report = march();
        assertThat(report.contacts()).isEqualTo(9);
        assertThat(report.bySource()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "POLICE", 4L, "HEALTH", 2L, "EDUCATION", 2L, "VOLUNTARY", 1L));
        assertThat(report.byHealthType()).containsExactlyInAnyOrderEntriesOf(Map.of("GP", 1L));
        assertThat(report.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "POLICE_NOTIFICATION", 1L, "EMAIL", 2L, "PORTAL", 1L, "PHONE", 5L));
        assertThat(report.outcomes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "STRATEGY_S47", 1L, "EARLY_HELP", 2L, "NO_FURTHER_ACTION", 1L));
        assertThat(report.decided()).isEqualTo(4);
        assertThat(report.decidedWithinOneWorkingDay()).isEqualTo(3);
        assertThat(report.shareWithinOneWorkingDay()).isEqualTo(0.75);
        assertThat(report.decidedWithinRagTimescale()).isEqualTo(3);
        assertThat(report.shareWithinRagTimescale()).isEqualTo(0.75);
        // the 11-months-before child and the child's second referral in the period; not the 13-months one
        assertThat(report.reReferrals()).isEqualTo(2);
        // 5h, 23h59m, 24h01m, 53h30m: the mean of the middle two is 24h
        assertThat(report.medianSecondsToDecision()).isEqualTo(24 * 3600.0);
        assertThat(report.periodStart()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
        assertThat(report.periodEnd()).isEqualTo(Instant.parse("2019-03-31T23:00:00Z"));
    }

    @Test
    void theFiguresEqualTheTestsOwnSqlOverTheSamePeriod() {
        var report = march();
        assertThat(report.contacts()).isEqualTo(sql("SELECT count(*) FROM referral WHERE " + PERIOD));
        for (var entry : report.bySource().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(sql(
                    "SELECT count(*) FROM referral WHERE source = '" + entry.getKey() + "' AND " + PERIOD));
        }
        assertThat(report.bySource().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.contacts());
        for (var entry : report.outcomes().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(sql(
                    "SELECT count(*) FROM referral WHERE outcome = '" + entry.getKey() + "' AND " + PERIOD));
        }
        assertThat(report.decided()).isEqualTo(sql(
                "SELECT count(*) FROM referral WHERE decided_at IS NOT NULL AND " + PERIOD));
        assertThat(report.decidedWithinRagTimescale()).isEqualTo(sql(
                "SELECT count(*) FROM referral WHERE decided_at <= due_at AND " + PERIOD));
        assertThat(report.reReferrals()).isEqualTo(sql("""
                SELECT count(DISTINCT r.id) FROM referral r JOIN referral p ON p.child_key = r.child_key
                WHERE p.received_at < r.received_at
                AND p.received_at >= (r.received_at AT TIME ZONE 'Europe/London' - interval '1 year')
                                     AT TIME ZONE 'Europe/London'
                """ + " AND " + period("r.")));
        assertThat(report.medianSecondsToDecision()).isEqualTo(db.sql("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at))
                        FROM referral WHERE decided_at IS NOT NULL""" + " AND " + PERIOD)
                .map(row -> row.get(0, Double.class)).one().block());
    }

    @Test
    void theCsvParsesAndMatchesTheJson() {
        var report = march();
        String csv = client().get().uri(MARCH).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        var lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("figure,value");
        var figures = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            var cells = lines[i].split(",", -1);
            assertThat(cells).as(lines[i]).hasSize(2);
            figures.put(cells[0], cells[1]);
        }
        assertThat(figures).containsEntry("contacts", Long.toString(report.contacts()))
                .containsEntry("decided", Long.toString(report.decided()))
                .containsEntry("decidedWithinOneWorkingDay", Long.toString(report.decidedWithinOneWorkingDay()))
                .containsEntry("decidedWithinRagTimescale", Long.toString(report.decidedWithinRagTimescale()))
                .containsEntry("reReferrals", Long.toString(report.reReferrals()))
                .containsEntry("shareWithinOneWorkingDay", report.shareWithinOneWorkingDay().toString())
                .containsEntry("medianSecondsToDecision", report.medianSecondsToDecision().toString())
                .containsEntry("from", "2019-03-01")
                .containsEntry("to", "2019-03-31");
        report.bySource().forEach((source, n) -> assertThat(figures).containsEntry("bySource." + source, n.toString()));
        report.byChannel().forEach((channel, n) -> assertThat(figures).containsEntry("byChannel." + channel, n.toString()));
        report.outcomes().forEach((outcome, n) -> assertThat(figures).containsEntry("outcomes." + outcome, n.toString()));
        report.byHealthType().forEach((type, n) -> assertThat(figures).containsEntry("byHealthType." + type, n.toString()));
    }

    @Test
    void aBadPeriodIsRefusedNamingTheParameter() {
        for (var bad : List.of(
                List.of("from=2019-03-31&to=2019-03-01", "to"),
                List.of("from=yesterday&to=2019-03-01", "from"),
                List.of("from=2019-03-01&to=2019-13-01", "to"),
                List.of("to=2019-03-01", "from"),
                List.of("from=2018-01-01&to=2019-03-01", "to"))) {
            client().get().uri("/api/reports/front-door?" + bad.get(0)).accept(MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad.get(1));
        }
    }

    @Test
    void onlyServiceHeadsAndAdministratorsReadIt() {
        TestClients.webTest(port, TestClients.DUTY_LEAD).mutate().responseTimeout(TIMEOUT).build().get().uri(MARCH).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(body -> assertThat(body).contains("SERVICE_HEAD", "ADMIN"));
        TestClients.webTest(port, new TestClients.User("admin", Access.DEMO_PASSWORD)).mutate()
                .responseTimeout(TIMEOUT).build().get().uri(MARCH)
                .accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk();
    }
}
