package org.mashlive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The database takes every action the code can audit. Several migrations each add their actions to
 * the table's check; one that wrote it in a shape the next could not read back would leave the
 * earlier ones out, and an intake or a screening step would then fail on its audit line.
 */
@BackendTest
class AuditActionsIT {

    @Autowired
    DatabaseClient db;

    @Autowired
    TransactionalOperator transaction;

    @Test
    void everyActionTheCodeAuditsIsOneTheDatabaseTakes() {
        // each written in a transaction that is rolled back: nothing stays
        var refused = Flux.fromArray(AuditAction.values())
                .concatMap(action -> transaction.execute(status -> {
                    status.setRollbackOnly();
                    return db.sql("""
                                    INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, reference)
                                    VALUES (:at, 'audit.check', :action, 'REFERRAL', -1, 'MASH-CHECK')""")
                            .bind("at", Instant.now().atOffset(ZoneOffset.UTC))
                            .bind("action", action.name())
                            .then()
                            .thenReturn("")
                            .onErrorResume(e -> Mono.just(action.name() + ": " + e.getMessage()));
                }))
                .filter(answer -> !answer.isEmpty())
                .collectList().block();

        assertThat(refused).isEmpty();
    }
}
