package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mashlive.MashLive;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A new hub's first start, on an empty data directory, sends PostgreSQL no statement that fails.
 * (The disagreements' meters used to read their table while the context was still being built,
 * before the schema's migrations had made it; the meters then said nothing was open until their
 * next read, a minute later.)
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIT {

    @TempDir
    Path data;

    @Test
    void aNewDatabasesFirstStartSendsNoStatementThatFails(CapturedOutput output) {
        String started;
        try (var running = MashLive.start("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false", "--mash.embedded.data-directory=" + data)) {
            assertThat(running.backend().isRunning()).isTrue();
            started = output.getOut();
        }
        // the embedded server's own log, forwarded line by line, from its creation on
        var serverLog = started.lines().filter(line -> line.contains("EmbeddedPostgres")).toList();
        assertThat(serverLog).anyMatch(line -> line.contains("The files belonging to this database system"));
        assertThat(serverLog).noneMatch(line -> line.contains("ERROR:"));
    }
}
