package org.mashlive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/** Naming the person in a transaction that another part of the code opened. */
@BackendTest
class ActingIT {

    @Autowired
    Acting acting;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    DatabaseClient db;

    private Mono<Void> asPartOfATransaction(Actor actor, Mono<Void> rest) {
        return transaction.transactional(acting.within().then(rest))
                .contextWrite(context -> Acting.context(context, actor));
    }

    private String storedName(String username) {
        return db.sql("SELECT display_name FROM actor WHERE username = :username").bind("username", username)
                .map(row -> row.get(0, String.class)).one().block();
    }

    @Test
    void aPersonWhoseFirstWorkRolledBackIsStillNamedByTheirNextWork() {
        String username = "first.try." + UUID.randomUUID();
        var actor = new Actor(username, "Robin First-Try (front door)", "FRONT_DOOR");

        assertThatThrownBy(() -> asPartOfATransaction(actor, Mono.error(new IllegalStateException("refused"))).block())
                .hasMessageContaining("refused");
        assertThat(storedName(username)).as("rolled back with the work").isNull();

        asPartOfATransaction(actor, Mono.empty()).block();

        assertThat(storedName(username)).isEqualTo("Robin First-Try (front door)");
    }
}
