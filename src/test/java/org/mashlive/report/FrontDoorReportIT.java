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

    /** One contact as stored; decidedAt null leaves it open. Answers its id. */
    long contact(String childKey, String received, String source, String healthType, String channel,
                 String ragDue, String outcome, String decided) {
        var spec = db.sql("""
                        INSERT INTO referral (reference, received_at, channel, source, health_type, child_first_name,
                            child_last_name, child_date_of_birth, child_key, child_initials, concern, consent, rag,
                            stage, outcome, decided_at, due_at, re_referral, updated_at)
                        VALUES (:reference, :received, :channel, :source, :healthType, 'Report', 'Child', '2012-01-01',
                            :childKey, 'R.C.', 'Hand-built for the report', 'GIVEN', 'AMBER', :stage, :outcome,
                            :decided, :due, false, :received) RETURNING id""")
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
        return spec.map(row -> row.get("id", Long.class)).one().block();
    }

    /** A decision on the contact {@code id}: made at {@code proposed}, settled (signed off or returned) at {@code settled}. */
    void decision(long id, String outcome, String status, String nextStep, String proposed, String settled) {
        var spec = db.sql("""
                        INSERT INTO decision (referral_id, outcome, rationale, threshold, next_step, decided_at,
                            decided_by, status, settled_at, settled_by, return_reason)
                        VALUES (:id, :outcome, :rationale, :threshold, :next, :proposed, 'report.lead', :status,
                            :settled, :settledBy, :reason)""")
                .bind("id", id)
                .bind("outcome", outcome)
                .bind("status", status)
                .bind("proposed", london(proposed).atOffset(ZoneOffset.UTC));
        boolean recorded = !status.equals("NOT_RECORDED");
        spec = recorded ? spec.bind("rationale", "Hand-built").bind("threshold", "Child in need")
                : spec.bindNull("rationale", String.class).bindNull("threshold", String.class);
        spec = nextStep == null ? spec.bindNull("next", String.class) : spec.bind("next", nextStep);
        spec = settled == null ? spec.bindNull("settled", java.time.OffsetDateTime.class).bindNull("settledBy", String.class)
                : spec.bind("settled", london(settled).atOffset(ZoneOffset.UTC)).bind("settledBy", "report.lead2");
        spec = status.equals("RETURNED") ? spec.bind("reason", "Ask the GP first") : spec.bindNull("reason", String.class);
        spec.then().block();
    }

    @BeforeAll
    void march2019() {
        String run = Long.toString(System.nanoTime());
        // decided the same day: within one working day, but after its RAG due time; a referral, signed
        // off two hours after it was made
        long a = contact("a-" + run, "2019-03-13T10:00", "POLICE", null, "POLICE_NOTIFICATION", "2019-03-13T12:00",
                "STRATEGY_S47", "2019-03-13T15:00");
        decision(a, "STRATEGY_S47", "SIGNED_OFF", "ASSESSMENT", "2019-03-13T13:00", "2019-03-13T15:00");
        // decided a minute before one working day is up (Thursday 10:00), within its RAG time; returned
        // once, then signed off an hour after it was made again
        long b = contact("b-" + run, "2019-03-13T10:00", "HEALTH", "GP", "EMAIL", "2019-03-15T10:00",
                "EARLY_HELP", "2019-03-14T09:59");
        decision(b, "ASSESSMENT_S17", "RETURNED", "ASSESSMENT", "2019-03-13T16:00", "2019-03-14T08:00");
        decision(b, "EARLY_HELP", "SIGNED_OFF", "EARLY_HELP", "2019-03-14T08:59", "2019-03-14T09:59");
        // decided a minute after one working day: late on the statutory clock, within the RAG's
        long c = contact("c-" + run, "2019-03-13T10:00", "HEALTH", null, "PORTAL", "2019-03-18T10:00",
                "NO_FURTHER_ACTION", "2019-03-14T10:01");
        decision(c, "NO_FURTHER_ACTION", "NOT_NEEDED", "NO_FURTHER_ACTION", "2019-03-14T10:01", null);
        // a Saturday contact is due at the end of Monday: decided Monday 16:30 is within (no decision
        // row: decided before they were recorded)
        contact("d-" + run, "2019-03-16T11:00", "EDUCATION", null, "PHONE", "2019-03-20T11:00",
                "EARLY_HELP", "2019-03-18T16:30");
        // still open
        contact("e-" + run, "2019-03-19T09:00", "EDUCATION", null, "PHONE", "2019-03-22T09:00", null, null);
        // re-referral: the child's previous referral 11 months before (outside the period) counts
        contact("x-" + run, "2018-04-20T10:00", "POLICE", null, "PHONE", "2018-04-21T10:00",
                "ASSESSMENT_S17", "2018-04-20T12:00");
        long x = contact("x-" + run, "2019-03-20T10:00", "POLICE", null, "PHONE", "2019-03-21T10:00",
                "ASSESSMENT_S17", "2019-03-20T16:00");
        decision(x, "ASSESSMENT_S17", "SIGNED_OFF", "ASSESSMENT", "2019-03-20T12:00", "2019-03-20T16:00");
        // not a re-referral: the child's previous referral was 13 months before (and this one is no referral)
        contact("y-" + run, "2018-02-10T10:00", "POLICE", null, "PHONE", "2018-02-11T10:00",
                "ASSESSMENT_S17", "2018-02-10T12:00");
        contact("y-" + run, "2019-03-11T10:00", "VOLUNTARY", null, "EMAIL", "2019-03-12T10:00", null, null);
        // not a re-referral: before this referral the child had a contact, not a referral
        long z1 = contact("z-" + run, "2019-03-05T10:00", "POLICE", null, "PHONE", "2019-03-06T10:00",
                "NO_FURTHER_ACTION", "2019-03-05T12:00");
        decision(z1, "NO_FURTHER_ACTION", "NOT_NEEDED", "NO_FURTHER_ACTION", "2019-03-05T12:00", null);
        long z2 = contact("z-" + run, "2019-03-25T10:00", "POLICE", null, "PHONE", "2019-03-26T10:00",
                "STRATEGY_S47", "2019-03-25T15:00");
        decision(z2, "STRATEGY_S47", "NOT_RECORDED", null, "2019-03-25T15:00", null);
        // a child referred twice within the period: the second is a re-referral
        contact("a-" + run, "2019-03-27T10:00", "POLICE", null, "PHONE", "2019-03-28T10:00",
                "ASSESSMENT_S17", "2019-03-27T12:00");
        // just outside the period on either side: not counted
        contact("o-" + run, "2019-02-28T23:59", "POLICE", null, "PHONE", "2019-03-01T10:00", null, null);
        contact("o-" + run + "-2", "2019-04-01T00:00", "POLICE", null, "PHONE", "2019-04-02T10:00", null, null);
    }

    FrontDoorReport march() {
        return client().get().uri(MARCH).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody(FrontDoorReport.class).returnResult().getResponseBody();
    }

    /** March 2019 in London time, on the columns of {@code alias} (empty for none). */
    static String period(String alias) {
        return alias + "received_at >= '2019-03-01T00:00:00Z' AND " + alias
                + "received_at < '2019-04-01T00:00:00+01:00'";
    }

    @Test
    void theFiguresAreWhatTheTestKnowsOfEachContact() {
        var report = march();
        assertThat(report.contacts()).isEqualTo(10);
        assertThat(report.bySource()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "POLICE", 5L, "HEALTH", 2L, "EDUCATION", 2L, "VOLUNTARY", 1L));
        assertThat(report.byHealthType()).containsExactlyInAnyOrderEntriesOf(Map.of("GP", 1L));
        assertThat(report.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "POLICE_NOTIFICATION", 1L, "EMAIL", 2L, "PORTAL", 1L, "PHONE", 6L));
        assertThat(report.outcomes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "STRATEGY_S47", 2L, "EARLY_HELP", 2L, "NO_FURTHER_ACTION", 2L, "ASSESSMENT_S17", 2L));
        assertThat(report.decided()).isEqualTo(8);
        assertThat(report.decidedWithinOneWorkingDay()).isEqualTo(7);
        assertThat(report.shareWithinOneWorkingDay()).isEqualTo(0.875);
        assertThat(report.decidedWithinRagTimescale()).isEqualTo(7);
        assertThat(report.shareWithinRagTimescale()).isEqualTo(0.875);
        // referrals: the two strategy discussions and the two assessments
        assertThat(report.referrals()).isEqualTo(4);
        assertThat(report.conversion()).isEqualTo(0.4);
        // the 11-months-before child and the child's second referral in the period; not the 13-months
        // one, nor the referral after a contact that was no referral
        assertThat(report.reReferrals()).isEqualTo(2);
        assertThat(report.shareReReferrals()).isEqualTo(0.5);
        // 2h, 2h, 5h, 5h, 6h, 23h59m, 24h01m, 53h30m: the mean of the middle two is 5h30m
        assertThat(report.medianSecondsToDecision()).isEqualTo(5.5 * 3600);
        assertThat(report.nextSteps()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ASSESSMENT", 2L, "EARLY_HELP", 1L, "NO_FURTHER_ACTION", 2L));
        assertThat(report.signedOff()).isEqualTo(3);
        assertThat(report.shareSignedOff()).isEqualTo(0.375);
        // 1h, 2h, 4h
        assertThat(report.medianSecondsToSignOff()).isEqualTo(2 * 3600.0);
        assertThat(report.returnedDecisions()).isEqualTo(1);
        assertThat(report.periodStart()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
        assertThat(report.periodEnd()).isEqualTo(Instant.parse("2019-03-31T23:00:00Z"));
    }

    @Test
    void theFiguresEqualTheTestsOwnSqlOverTheSamePeriod() {
        new ReportSql(db, FrontDoorReportIT::period).assertEqualTo(march());
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
                .containsEntry("referrals", Long.toString(report.referrals()))
                .containsEntry("conversion", report.conversion().toString())
                .containsEntry("shareReReferrals", report.shareReReferrals().toString())
                .containsEntry("signedOff", Long.toString(report.signedOff()))
                .containsEntry("shareSignedOff", report.shareSignedOff().toString())
                .containsEntry("medianSecondsToSignOff", report.medianSecondsToSignOff().toString())
                .containsEntry("returnedDecisions", Long.toString(report.returnedDecisions()))
                .containsEntry("from", "2019-03-01")
                .containsEntry("to", "2019-03-31");
        report.bySource().forEach((source, n) -> assertThat(figures).containsEntry("bySource." + source, n.toString()));
        report.byChannel().forEach((channel, n) -> assertThat(figures).containsEntry("byChannel." + channel, n.toString()));
        report.outcomes().forEach((outcome, n) -> assertThat(figures).containsEntry("outcomes." + outcome, n.toString()));
        report.byHealthType().forEach((type, n) -> assertThat(figures).containsEntry("byHealthType." + type, n.toString()));
        report.nextSteps().forEach((step, n) -> assertThat(figures).containsEntry("nextSteps." + step, n.toString()));
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

    @Test
    void timesToDecisionKeepTheDatabasesMicrosecondsAndTheMedianIsPostgresOwnToTheLastBit() {
        // pairs of times a fraction of a second apart, where whole seconds would round each way
        var random = new java.util.Random(20261130);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + random.nextInt(9);
            var seconds = new java.util.ArrayList<Double>();
            var values = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Instant earlier = Instant.parse("2019-03-13T10:00:00Z").plusNanos(random.nextInt(1_000_000) * 1_000L);
                Instant later = earlier.plusNanos((random.nextLong(90_000_000_000L)) / 1_000 * 1_000);
                seconds.add(FrontDoorReports.seconds(earlier, later));
                values.append(i == 0 ? "" : ", ").append("('").append(earlier).append("'::timestamptz, '")
                        .append(later).append("'::timestamptz)");
            }
            Double postgres = db.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM b - a)) AS m"
                            + " FROM (VALUES " + values + ") AS t(a, b)")
                    .map(row -> row.get("m", Double.class)).one().block();
            assertThat(FrontDoorReports.median(seconds)).as("median of %s", seconds).isEqualTo(postgres);
        }
        assertThat(FrontDoorReports.seconds(Instant.parse("2019-03-13T10:00:00.900Z"),
                Instant.parse("2019-03-13T10:00:02.100Z"))).isEqualTo(1.2);
    }
}
