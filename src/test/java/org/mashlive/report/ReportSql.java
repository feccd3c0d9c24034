package org.mashlive.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The front-door report's figures counted again by the test's own SQL, written apart from the
 * report's: every count, share and median the report gives for a period is compared with it.
 *
 * @param db     the database the report read
 * @param period the period as a condition on the columns of an alias ("" for none, "r." for r)
 */
public record ReportSql(DatabaseClient db, UnaryOperator<String> period) {

    long count(String query) {
        return db.sql(query).map(row -> row.get(0, Long.class)).one().block();
    }

    Double number(String query) {
        return db.sql(query).map(row -> row.get(0, Double.class)).one().block();
    }

    /** Asserts that every figure of {@code report} equals what the SQL counts. */
    public void assertEqualTo(FrontDoorReport report) {
        String inPeriod = period.apply("");
        String inPeriodR = period.apply("r.");
        assertThat(report.contacts()).as("contacts").isEqualTo(count("SELECT count(*) FROM referral WHERE " + inPeriod));
        for (var entry : report.bySource().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(count(
                    "SELECT count(*) FROM referral WHERE source = '" + entry.getKey() + "' AND " + inPeriod));
        }
        assertThat(report.bySource().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.contacts());
        for (var entry : report.byChannel().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(count(
                    "SELECT count(*) FROM referral WHERE channel = '" + entry.getKey() + "' AND " + inPeriod));
        }
        for (var entry : report.outcomes().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(count(
                    "SELECT count(*) FROM referral WHERE outcome = '" + entry.getKey() + "' AND " + inPeriod));
        }
        assertThat(report.decided()).as("decided").isEqualTo(count(
                "SELECT count(*) FROM referral WHERE decided_at IS NOT NULL AND " + inPeriod));
        assertThat(report.decidedWithinRagTimescale()).as("decided within the RAG timescale").isEqualTo(count(
                "SELECT count(*) FROM referral WHERE decided_at <= due_at AND " + inPeriod));
        assertThat(report.referrals()).as("referrals").isEqualTo(count(
                "SELECT count(*) FROM referral WHERE outcome IN ('ASSESSMENT_S17', 'STRATEGY_S47') AND " + inPeriod));
        assertThat(report.reReferrals()).as("re-referrals").isEqualTo(count("""
                SELECT count(DISTINCT r.id) FROM referral r JOIN referral p ON p.child_key = r.child_key
                WHERE r.outcome IN ('ASSESSMENT_S17', 'STRATEGY_S47') AND p.outcome IN ('ASSESSMENT_S17', 'STRATEGY_S47')
                AND p.received_at < r.received_at
                AND p.received_at >= (r.received_at AT TIME ZONE 'Europe/London' - interval '1 year')
                                     AT TIME ZONE 'Europe/London'
                """ + " AND " + inPeriodR));
        for (var entry : report.nextSteps().entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(count("""
                    SELECT count(*) FROM referral r JOIN decision d ON d.referral_id = r.id
                    WHERE d.status IN ('SIGNED_OFF', 'NOT_NEEDED') AND d.next_step = '""" + entry.getKey() + "' AND "
                    + inPeriodR));
        }
        assertThat(report.signedOff()).as("signed off").isEqualTo(count("""
                SELECT count(*) FROM referral r JOIN decision d ON d.referral_id = r.id
                WHERE d.status = 'SIGNED_OFF'""" + " AND " + inPeriodR));
        assertThat(report.returnedDecisions()).as("returned").isEqualTo(count("""
                SELECT count(*) FROM referral r JOIN decision d ON d.referral_id = r.id
                WHERE d.status = 'RETURNED'""" + " AND " + inPeriodR));
        assertThat(report.medianSecondsToSignOff()).as("median time to sign-off").isEqualTo(number("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.settled_at - d.decided_at))
                FROM referral r JOIN decision d ON d.referral_id = r.id
                WHERE d.status = 'SIGNED_OFF'""" + " AND " + inPeriodR));
        assertThat(report.medianSecondsToDecision()).as("median time to decision").isEqualTo(number("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at))
                FROM referral WHERE decided_at IS NOT NULL""" + " AND " + inPeriod));
    }
}
