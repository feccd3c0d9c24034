package org.mashlive.referral;

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
 * The migrations that record who did what, on a real PostgreSQL holding referrals from before: a
 * database at the previous version with a decided referral, its RAG and stage history, migrated to
 * the current one. Nothing is invented: the old rows say "(before recording)", the old decision is
 * kept as not recorded, and a new row written in a transaction naming its person takes that person.
 */
class WhoDidItMigrationIT {

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

    @Test
    void rowsFromBeforeSayTheyWereMadeBeforeRecordingBeganAndNewOnesNameTheirPerson() throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start()) {
            flyway(postgres, "6").migrate();
            try (var db = postgres.getPostgresDatabase().getConnection(); var statement = db.createStatement()) {
                statement.execute("""
                        INSERT INTO referral (reference, received_at, channel, source, child_first_name, child_last_name,
                            child_date_of_birth, child_key, child_initials, concern, consent, rag, stage, outcome,
                            decided_at, due_at, re_referral, updated_at)
                        VALUES ('MASH-2025-000001', '2025-05-01T10:00Z', 'PHONE', 'HEALTH', 'Old', 'Case', '2015-01-01',
                            'k1', 'O.C.', 'Before', 'GIVEN', 'AMBER', 'DECIDED', 'EARLY_HELP', '2025-05-01T15:00Z',
                            '2025-05-02T10:00Z', false, '2025-05-01T15:00Z')""");
                statement.execute("""
                        INSERT INTO rag_change (referral_id, changed_at, from_rag, to_rag, reason)
                        SELECT id, received_at, NULL, 'AMBER', 'Rated at intake' FROM referral""");
                statement.execute("""
                        INSERT INTO stage_change (referral_id, changed_at, from_stage, to_stage)
                        SELECT id, received_at, NULL, 'RECEIVED' FROM referral""");
            }

            flyway(postgres, null).migrate();

            try (var db = postgres.getPostgresDatabase().getConnection()) {
                assertThat(column(db, """
                        SELECT a.display_name FROM referral r JOIN actor a ON a.username = r.received_by"""))
                        .containsExactly("unknown (before recording began)");
                assertThat(column(db, "SELECT changed_by FROM rag_change")).containsExactly("(before recording)");
                assertThat(column(db, "SELECT changed_by FROM stage_change")).containsExactly("(before recording)");
                assertThat(column(db, "SELECT outcome || ' ' || status || ' ' || decided_by || ' ' || coalesce(rationale, '-') "
                        + "FROM decision")).containsExactly("EARLY_HELP NOT_RECORDED (before recording) -");

                // a new row names the person of its transaction, and the intake is in the trail
                db.setAutoCommit(false);
                try (var statement = db.createStatement()) {
                    statement.execute("SELECT set_config('mash.actor', 'duty.lead', true)");
                    statement.execute("""
                            INSERT INTO referral (reference, received_at, channel, source, child_first_name,
                                child_last_name, child_date_of_birth, child_key, child_initials, concern, consent, stage,
                                due_at, re_referral, updated_at)
                            VALUES ('MASH-2026-000002', now(), 'EMAIL', 'EDUCATION', 'New', 'Case', '2016-01-01', 'k2',
                                'N.C.', 'After', 'GIVEN', 'RECEIVED', now(), false, now())""");
                }
                db.commit();
                db.setAutoCommit(true);
                assertThat(column(db, "SELECT received_by FROM referral WHERE reference = 'MASH-2026-000002'"))
                        .containsExactly("duty.lead");
                assertThat(column(db, "SELECT action || ' by ' || actor FROM audit_entry WHERE reference = 'MASH-2026-000002'"))
                        .containsExactly("RECEIVED by duty.lead");

                // the rule of management oversight holds in the database too
                try (var statement = db.createStatement()) {
                    assertThatThrownBy(() -> statement.execute("""
                            INSERT INTO decision (referral_id, outcome, rationale, threshold, next_step, decided_at,
                                decided_by, status, settled_at, settled_by)
                            SELECT id, 'EARLY_HELP', 'r', 'Early help', 'EARLY_HELP', now(), 'duty.lead', 'SIGNED_OFF',
                                now(), 'duty.lead' FROM referral WHERE reference = 'MASH-2026-000002'"""))
                            .isInstanceOf(SQLException.class).hasMessageContaining("decision_check");
                }
            }
        }
    }
}
