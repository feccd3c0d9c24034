package org.mashlive.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that an earlier start left behind on a data directory. The embedded server runs as a
 * process of its own: when the JVM that started it is killed (kill -9, out of memory, power cut of
 * a container's main process) the server keeps running, holding the directory's
 * {@code postmaster.pid}, and the next start on that directory fails. Called only while holding
 * the embedded library's lock on the directory, which a live JVM using the directory would hold
 * itself, so the server found is nobody's.
 */
final class LeftoverPostgres {

    static final String PID_FILE = "postmaster.pid";
    /** A smart shutdown waits for sessions to end; the dead JVM's sessions ended with it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    private LeftoverPostgres() {
    }

    /**
     * Stops the PostgreSQL running on {@code directory}, waiting until it has gone, or removes its
     * {@code postmaster.pid} when the process it names is gone or is not a PostgreSQL of this
     * directory (after a reboot the number may belong to anything). Does nothing when there is none.
     *
     * @throws IllegalStateException when the server does not stop within {@link #STOP_WAIT}
     */
    static void stop(Path directory) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> server = pidOf(lines).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOf(process, directory, lines));
        if (server.isEmpty()) {
            log.warn("Removing the stale {} in {}: the PostgreSQL it names is not running", PID_FILE, directory);
            Files.deleteIfExists(pidFile);
            return;
        }
        var process = server.get();
        log.warn("A PostgreSQL (pid {}) was left running on {} by a start that did not stop it; stopping it",
                process.pid(), directory);
        // SIGTERM: PostgreSQL's smart shutdown, which checkpoints and removes postmaster.pid
        if (!process.destroy()) {
            throw new IllegalStateException("The PostgreSQL (pid " + process.pid() + ") left running on " + directory
                    + " could not be told to stop (another account's?); stop it, then start again");
        }
        try {
            process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL (pid " + process.pid() + ") left running on " + directory
                    + " did not stop within " + STOP_WAIT.toSeconds() + " s; stop it, then start again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running on " + directory);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        log.info("The PostgreSQL left running on {} has stopped", directory);
    }

    /** The first line of postmaster.pid; negative in single-user mode. */
    static Optional<Long> pidOf(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Math.abs(Long.parseLong(lines.get(0).strip()));
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code process} is a PostgreSQL server of {@code directory}: the file names the
     * directory on its second line, and the process runs a program called postgres with that
     * directory as its {@code -D} argument.
     */
    static boolean isPostgresOf(ProcessHandle process, Path directory, List<String> lines) {
        if (lines.size() < 2 || !sameDirectory(Path.of(lines.get(1).strip()), directory)) {
            return false;
        }
        var info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.equals("postgres")).isPresent();
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameDirectory(Path.of(arguments[i + 1]), directory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }
}
