package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What an intake reads of the referrals already held does not grow with them, even when the plans
 * were made on an empty table and the table has not been analysed since: the case of a new hub's
 * first minutes, or of a database whose autovacuum has not yet come round. Each referral received
 * is checked against the child's referrals of the last year (re-referral); that check once read
 * every referral of the year for each one received.
 *
 * <p>A database of its own (a context of its own), so that the plans are made on an empty table.
 * Every connection of the pool takes an intake while the table is empty; then thousands of
 * referrals of the last year arrive at once, with autovacuum off for the table, and the reads of
 * the intakes after that are counted from PostgreSQL's statistics.
 */
@BackendTest
@TestPropertySource(properties = "mash.test.database=intake-reads")
class IntakeReadsIT {

    private static final int HELD = 4_000;
    private static final int MEASURED = 40;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Test
    void anIntakeReadsAFewRowsHoweverManyReferralsAreHeld() {
        db.sql("ALTER TABLE referral SET (autovacuum_enabled = off)").then().block();
        assertThat(count("SELECT count(*) FROM referral")).as("a database of its own, empty").isZero();
        var web = TestClients.web(port);
        // one after the other, so that the pool hands each of its connections an intake to plan
        post(web, 30);

        holdReferralsOfTheLastYear();
        long before = awaitStatistics(30 + HELD);
        long readsBefore = reads();

        post(web, MEASURED);
        awaitStatistics(30 + HELD + MEASURED);
        long perIntake = (reads() - readsBefore) / MEASURED;
        assertThat(before).isEqualTo(30 + HELD);
        // a lookup by key reads a row or two; the scan it replaced read every referral of the year
        assertThat(perIntake).as("referral rows read per intake, with %d held", HELD).isLessThan(50);
    }

    private void post(WebClient web, int intakes) {
        for (int i = 0; i < intakes; i++) {
            var status = web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(TestReferrals.police()).retrieve().toBodilessEntity()
                    .map(response -> response.getStatusCode().value()).block();
            assertThat(status).isEqualTo(201);
        }
    }

    /**
     * {@value #HELD} decided referrals of other children, received over the last year, copied from
     * the first one held: every column as it is, but for the references, the child's keys and the
     * decision.
     */
    private void holdReferralsOfTheLastYear() {
        List<String> copied = db.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_name = 'referral' AND column_name NOT IN ('id', 'reference', 'external_ref',
                            'received_at', 'child_key', 'child_surname_key', 'contact_id', 'stage', 'outcome',
                            'decided_at')
                        ORDER BY ordinal_position""")
                .map(row -> row.get(0, String.class)).all().collectList().block();
        String columns = String.join(", ", copied);
        db.sql(("""
                INSERT INTO referral (reference, external_ref, received_at, child_key, child_surname_key, stage,
                    outcome, decided_at, %s)
                SELECT 'HELD-' || i, 'HELD-' || i, now() - i * interval '1 hour', 'held-child-' || i,
                    'held-family-' || i, 'DECIDED', 'NO_FURTHER_ACTION', now() - i * interval '1 hour' + interval '30 minutes', %s
                FROM referral, generate_series(1, :held) AS i
                WHERE id = (SELECT min(id) FROM referral)""").formatted(columns, columns))
                .bind("held", HELD)
                .then().block();
    }

    /** Waits until every connection has reported the referrals inserted; returns how many. */
    private long awaitStatistics(long inserted) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'referral'") >= inserted);
        return count("SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'referral'");
    }

    private long reads() {
        return count("""
                SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables
                WHERE relname = 'referral'""");
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> ((Number) row.get(0)).longValue()).one().block();
    }
}
