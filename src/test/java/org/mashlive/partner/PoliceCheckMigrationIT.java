package org.mashlive.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Police checks moved onto partner requests, on a real PostgreSQL holding checks from before: a
 * database at the version before, with police notifications whose checks are done, waiting, held by
 * an officer or by nobody, and a decided one, migrated to the current version. The police desk's
 * figures, worked out with the SQL of before on the old tables, come out the same from the requests;
 * every recorded check is on its request, field for field; and a notification taken in afterwards
 * has its check asked with it.
 */
class PoliceCheckMigrationIT {

    private static Flyway flyway(EmbeddedPostgres postgres, String target) {
        var configure = Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration");
        return (target == null ? configure : configure.target(target)).load();
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void referral(Connection db, int n, String channel, String source, String stage, String receivedAt)
            throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO referral (reference, received_at, channel, source, merlin_id, child_first_name,
                        child_last_name, child_date_of_birth, child_key, child_initials, concern, consent, rag, stage,
                        outcome, decided_at, due_at, re_referral, updated_at, received_by)
                    VALUES ('MASH-2026-00000%1$d', '%2$s', '%3$s', '%4$s', %5$s, 'Child', 'Number%1$d', '2015-01-01',
                        'k%1$d', 'C.N.', 'Concern', 'NOT_SOUGHT', 'AMBER', '%6$s', %8$s, %7$s,
                        TIMESTAMPTZ '%2$s' + interval '24 hours', false, '%2$s', 'intake.officer')"""
                    .formatted(n, receivedAt, channel, source,
                            source.equals("POLICE") ? "'MERLIN-" + n + "'" : "NULL", stage,
                            stage.equals("DECIDED") ? "TIMESTAMPTZ '" + receivedAt + "' + interval '3 hours'" : "NULL",
                            stage.equals("DECIDED") ? "'POLICE_ONLY'" : "NULL"));
        }
    }

    // The police desk's figures as the code before worked them out: open police notifications with no
    // police_check row wait; those whose POLICE_CHECK allocation names an officer are held.
    private static final String WAITING_BEFORE = """
            SELECT r.reference || ' ' || coalesce(s.display_name, 'nobody') FROM referral r
            LEFT JOIN allocation a ON a.work_type = 'POLICE_CHECK' AND a.work_id = r.id
            LEFT JOIN staff s ON s.id = a.staff_id
            WHERE r.channel = 'POLICE_NOTIFICATION' AND r.stage NOT IN ('DECIDED', 'INFORMATION_ONLY')
              AND NOT EXISTS (SELECT 1 FROM police_check c WHERE c.referral_id = r.id)
            ORDER BY r.received_at, r.id""";

    // The same figures from the requests: police checks not yet answered, of open referrals.
    private static final String WAITING_AFTER = """
            SELECT r.reference || ' ' || coalesce(s.display_name, 'nobody') FROM partner_request p
            JOIN referral r ON r.id = p.referral_id
            LEFT JOIN allocation a ON a.work_type = 'POLICE_CHECK' AND a.work_id = r.id
            LEFT JOIN staff s ON s.id = a.staff_id
            WHERE p.kind = 'POLICE_CHECK' AND p.answered_at IS NULL AND r.stage NOT IN ('DECIDED', 'INFORMATION_ONLY')
            ORDER BY p.requested_at, r.id""";

    @Test
    void policeChecksBecomeRequestsWithTheSameFiguresAndNothingLost() throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start()) {
            flyway(postgres, "17").migrate();
            List<String> before;
            try (var db = postgres.getPostgresDatabase().getConnection(); var statement = db.createStatement()) {
                referral(db, 1, "POLICE_NOTIFICATION", "POLICE", "SCREENING", "2026-03-02T08:00:00Z");
                referral(db, 2, "POLICE_NOTIFICATION", "POLICE", "SCREENING", "2026-03-02T09:00:00Z");
                referral(db, 3, "POLICE_NOTIFICATION", "POLICE", "RECEIVED", "2026-03-02T10:00:00Z");
                referral(db, 4, "POLICE_NOTIFICATION", "POLICE", "DECIDED", "2026-03-02T07:00:00Z");
                referral(db, 5, "PHONE", "HEALTH", "SCREENING", "2026-03-02T07:30:00Z");
                referral(db, 6, "POLICE_NOTIFICATION", "POLICE", "DECIDED", "2026-03-02T06:00:00Z");
                statement.execute("""
                        INSERT INTO staff (display_name, role, team, contract, updated_at)
                        VALUES ('Officer One', 'MASH_POLICE_OFFICER', 'Police', 'FULL_TIME', now())""");
                // number 1's checks are done; 2 is held by the officer; 3 is nobody's yet; 4 was decided
                // before its checks were recorded; 6 was decided with its checks done
                statement.execute("""
                        INSERT INTO police_check (referral_id, completed_at, completed_by, summary)
                        SELECT id, received_at + interval '2 hours', 'officer.one', 'Known to police: ' || reference
                        FROM referral WHERE reference IN ('MASH-2026-000001', 'MASH-2026-000006')""");
                statement.execute("""
                        INSERT INTO allocation (work_type, work_id, reference, staff_id, version, allocated_at, allocated_by)
                        SELECT 'POLICE_CHECK', r.id, r.reference, s.id, 1, r.received_at, 'duty.lead'
                        FROM referral r, staff s WHERE r.reference = 'MASH-2026-000002'""");
                before = column(db, WAITING_BEFORE);
                assertThat(before).as("the desk before").containsExactly("MASH-2026-000002 Officer One",
                        "MASH-2026-000003 nobody");
            }

            flyway(postgres, null).migrate();

            try (var db = postgres.getPostgresDatabase().getConnection(); var statement = db.createStatement()) {
                assertThat(column(db, WAITING_AFTER)).as("the desk from the requests").isEqualTo(before);
                // one request per police notification, none for the phone call, the done ones answered as recorded
                assertThat(column(db, """
                        SELECT r.reference || ' ' || p.agency || ' ' || p.rag || ' ' || p.asked || ' '
                            || (p.requested_at = r.received_at) || ' ' || p.requested_by || ' '
                            || coalesce(p.answered_by || ' ' || (p.answered_at = r.received_at + interval '2 hours')
                                        || ' ' || p.answer_summary, 'waiting')
                            || ' ' || coalesce(p.owner, '-') || ' ' || coalesce(p.due_at::text, '-')
                        FROM partner_request p JOIN referral r ON r.id = p.referral_id
                        WHERE p.kind = 'POLICE_CHECK' ORDER BY r.reference"""))
                        .containsExactly(
                                "MASH-2026-000001 POLICE AMBER Police checks on the notification (MERLIN MERLIN-1) true "
                                        + "intake.officer officer.one true Known to police: MASH-2026-000001 - -",
                                "MASH-2026-000002 POLICE AMBER Police checks on the notification (MERLIN MERLIN-2) true "
                                        + "intake.officer waiting - -",
                                "MASH-2026-000003 POLICE AMBER Police checks on the notification (MERLIN MERLIN-3) true "
                                        + "intake.officer waiting - -",
                                "MASH-2026-000004 POLICE AMBER Police checks on the notification (MERLIN MERLIN-4) true "
                                        + "intake.officer waiting - -",
                                "MASH-2026-000006 POLICE AMBER Police checks on the notification (MERLIN MERLIN-6) true "
                                        + "intake.officer officer.one true Known to police: MASH-2026-000006 - -");
                assertThat(column(db, "SELECT to_regclass('police_check')::text")).as("the old table is gone")
                        .containsExactly((String) null);
                // the check's allocation and audit subject still name the referral, which the index maps
                assertThat(column(db, """
                        SELECT a.reference FROM allocation a
                        JOIN partner_request p ON p.kind = 'POLICE_CHECK' AND p.referral_id = a.work_id
                        WHERE a.work_type = 'POLICE_CHECK'""")).containsExactly("MASH-2026-000002");

                // a notification taken in afterwards is asked about by the same statement; a phone call is not
                referral(db, 7, "POLICE_NOTIFICATION", "POLICE", "RECEIVED", "2026-03-03T08:00:00Z");
                referral(db, 8, "EMAIL", "POLICE", "RECEIVED", "2026-03-03T08:30:00Z");
                assertThat(column(db, """
                        SELECT r.reference || ' ' || p.requested_by || ' ' || (p.requested_at = r.received_at)
                        FROM partner_request p JOIN referral r ON r.id = p.referral_id
                        WHERE r.reference IN ('MASH-2026-000007', 'MASH-2026-000008')"""))
                        .containsExactly("MASH-2026-000007 intake.officer true");

                // a notification has one police check, and a check leaves owner and due time to its allocation and referral
                assertThatThrownBy(() -> statement.execute("""
                        INSERT INTO partner_request (referral_id, agency, rag, requested_at, requested_by, kind)
                        SELECT id, 'POLICE', 'RED', received_at, 'x', 'POLICE_CHECK' FROM referral
                        WHERE reference = 'MASH-2026-000007'""")).hasMessageContaining("partner_request_police_check");
                assertThatThrownBy(() -> statement.execute("""
                        INSERT INTO partner_request (referral_id, agency, rag, requested_at, requested_by, owner, kind)
                        SELECT id, 'POLICE', 'RED', received_at, 'x', 'x', 'POLICE_CHECK'
                        FROM referral WHERE reference = 'MASH-2026-000005'""")).hasMessageContaining("partner_request_owner_kept");
            }
        }
    }
}
