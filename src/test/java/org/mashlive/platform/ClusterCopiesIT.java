package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashlive.MashLive;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The suite's backends start on copies of one initialised cluster ({@link ClusterCopies}): each its
 * own, migrated by the backend as a new cluster is, removed when the backend closes; a backend
 * given a data directory keeps it.
 */
class ClusterCopiesIT {

    private static MashLive.Running backend(String... more) {
        String[] args = {"--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return MashLive.start(all);
    }

    private static long migrations(MashLive.Running running) {
        return running.backend().getBean(DatabaseClient.class)
                .sql("SELECT count(*) FROM flyway_schema_history WHERE success").map(row -> row.get(0, Long.class))
                .one().block();
    }

    @Test
    void twoBackendsRunOnCopiesOfTheirOwnEachMigratedAndRemovedAtClose() {
        Path first;
        Path second;
        try (var one = backend(); var two = backend()) {
            first = one.backend().getBean(EmbeddedDatabase.class).directory();
            second = two.backend().getBean(EmbeddedDatabase.class).directory();
            assertThat(first).isNotEqualTo(second);
            assertThat(first.getFileName().toString()).startsWith("mash-db-copy");
            assertThat(Files.exists(first.resolve("PG_VERSION"))).isTrue();
            assertThat(migrations(one)).isPositive().isEqualTo(migrations(two));
            // what one writes, the other does not see
            one.backend().getBean(DatabaseClient.class).sql("CREATE TABLE only_here (x int)").then().block();
            assertThat(two.backend().getBean(DatabaseClient.class)
                    .sql("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'")
                    .map(row -> row.get(0, Long.class)).one().block()).isZero();
        }
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
    }

    @Test
    void aBackendGivenADataDirectoryKeepsIt(@TempDir Path temp) {
        Path data = temp.resolve("data");
        try (var running = backend("--mash.embedded.data-directory=" + data)) {
            assertThat(running.backend().getBean(EmbeddedDatabase.class).directory()).isEqualTo(data);
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }
}
