package org.mashlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The training run for the JVM's ahead-of-time cache ({@code --mash.exit-after-start=true}): both
 * contexts start on the embedded database, servers and all, then close again, the embedded
 * PostgreSQL with them; {@code main} then ends the process with status 0.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExitAfterStartIT {

    @Test
    void startsBothContextsThenClosesThem(CapturedOutput output) {
        MashLive.startAndStop("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false");

        String out = output.getOut();
        assertThat(out).contains("Netty RSocket started on port", "Tomcat started on port");
        // Spring's "Started <main class> in …" once for each context
        assertThat(out.lines().filter(line -> line.matches(".* Started \\w+ in [0-9.]+ seconds.*"))).as(out).hasSize(2);
        String said = "MASH Live started the backend and the wall-board; stopping again (mash.exit-after-start)";
        assertThat(out).contains(said);
        // closed after saying so: the wall-board's server, then the backend's embedded PostgreSQL
        String after = out.substring(out.indexOf(said));
        assertThat(after).contains("Graceful shutdown complete", "server stopped");
    }

    @Test
    void onlyTrueOrFalseIsTakenForTheSwitch() {
        assertThat(MashLive.exitAfterStart("--mash.exit-after-start=true")).isTrue();
        assertThat(MashLive.exitAfterStart("--mash.exit-after-start=TRUE", "--mash.exit-after-start=false")).isFalse();
        // a typo in an image's build would otherwise start the servers and wait for ever
        assertThatThrownBy(() -> MashLive.exitAfterStart("--mash.exit-after-start=yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mash.exit-after-start must be true or false; it was 'yes'");
    }
}
