package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is closed to every other account on the machine: a password made up per
 * data directory, no unix socket, loopback TCP only, files readable by this account only; and a
 * stale postmaster.pid does not stop it starting.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path temp;

    private Path data;
    private final List<EmbeddedDatabase> started = new ArrayList<>();

    @BeforeEach
    void worldReadableParent() throws IOException {
        // the data directory's parent lets everyone in, so that only the data directory's own
        // permissions keep another account out
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        data = temp.resolve("data");
    }

    @AfterEach
    void stop() throws IOException {
        for (var database : started) {
            database.close();
        }
    }

    private EmbeddedDatabase start() throws IOException {
        var database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(data, 0));
        started.add(database);
        return database;
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        var settings = new Properties();
        settings.setProperty("user", "postgres");
        if (password != null) {
            settings.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl(), settings);
    }

    private static String show(EmbeddedDatabase database, String setting) throws SQLException {
        try (var connection = connect(database, database.password());
             var statement = connection.createStatement();
             var result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void asksForItsPasswordListensOnLoopbackOnlyAndHasNoSocket() throws Exception {
        var database = start();

        assertThatThrownBy(() -> connect(database, null).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(database, "postgres").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThat(show(database, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show(database, "unix_socket_directories")).isEmpty();
        assertThat(show(database, "password_encryption")).isEqualTo("scram-sha-256");
        assertThat(Path.of("/tmp/.s.PGSQL." + database.port())).doesNotExist();
        assertThat(database.endpoint().host()).isEqualTo("127.0.0.1");
        assertThat(database.endpoint().toString()).doesNotContain(database.password());
        assertThat(database.toString()).doesNotContain(database.password());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        Path secret = data.resolve(EmbeddedDatabase.SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret, StandardCharsets.UTF_8)).isEqualTo(database.password());
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("127.0.0.1/32    scram-sha-256")
                .doesNotContain("trust");
    }

    @Test
    void withoutADataDirectoryItMakesATemporaryOneAsksForItsPasswordAndRemovesItAtClose() throws Exception {
        // the default of a demo start, and what every backend of the suite would do without ClusterCopies
        var database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(null, 0));
        Path directory = database.directory();
        try {
            assertThat(directory.getFileName().toString()).startsWith("mash-db");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            assertThat(Files.readString(directory.resolve(EmbeddedDatabase.SECRET), StandardCharsets.UTF_8))
                    .isEqualTo(database.password());
            assertThatThrownBy(() -> connect(database, "postgres").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(show(database, "fsync")).isEqualTo("on");
        } finally {
            database.close();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void anotherAccountCannotSignInNorReadTheFiles() throws Exception {
        var database = start();
        // only root can act as another account here; the test runs as root in CI and in the build image
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to act as another account");

        var psql = asNobody("psql", "-h", "127.0.0.1", "-p", String.valueOf(database.port()), "-U", "postgres", "-w",
                "-d", "postgres", "-c", "SELECT 1");
        assertThat(psql.exit()).as(psql.output()).isNotZero();
        assertThat(psql.output()).contains("password");
        // no socket to fall back on, in the default place or anywhere in the data directory
        var socket = asNobody("psql", "-h", "/tmp", "-p", String.valueOf(database.port()), "-U", "postgres", "-w",
                "-d", "postgres", "-c", "SELECT 1");
        assertThat(socket.exit()).as(socket.output()).isNotZero();
        assertThat(socket.output()).contains("No such file or directory");

        var list = asNobody("ls", data.toString());
        assertThat(list.exit()).isNotZero();
        assertThat(list.output()).contains("Permission denied");
        for (String file : List.of(EmbeddedDatabase.SECRET, "pg_hba.conf", "PG_VERSION", "global/pg_control")) {
            var read = asNobody("cat", data.resolve(file).toString());
            assertThat(read.exit()).as(file).isNotZero();
            assertThat(read.output()).as(file).contains("Permission denied").doesNotContain(database.password());
        }
        // the control: the same account can open a file the parent lets everyone read
        Path open = temp.resolve("open.txt");
        Files.writeString(open, "readable");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(asNobody("cat", open.toString()).output()).isEqualTo("readable");
    }

    @Test
    void aRestartOnTheSameDirectoryUsesItsPassword() throws Exception {
        var first = start();
        String password = first.password();
        try (var connection = connect(first, password); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        first.close();
        started.remove(first);

        var second = start();
        assertThat(second.password()).isEqualTo(password);
        try (var connection = connect(second, password); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void aDirectoryMadeWithoutAPasswordGetsOne() throws Exception {
        // as earlier versions made it: initdb -A trust, sign-in without a password
        try (var trusting = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             var connection = trusting.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
        }
        assertThat(data.resolve(EmbeddedDatabase.SECRET)).doesNotExist();

        var database = start();
        assertThatThrownBy(() -> connect(database, null).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        try (var connection = connect(database, database.password()); var statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM kept");
        }
        assertThat(Files.readString(data.resolve(EmbeddedDatabase.SECRET))).isEqualTo(database.password());
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
        database.close();
        started.remove(database);

        assertThat(start().password()).isEqualTo(database.password());
    }

    @Test
    void aStalePidFileNamingAnotherProcessIsRemoved() throws Exception {
        start().close();
        started.clear();
        // after a crash and a reboot the number in postmaster.pid may belong to anything: here a
        // process that is alive but no PostgreSQL, which PostgreSQL itself would take for its own
        var other = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(data.resolve(LeftoverPostgres.PID_FILE), other.pid() + "\n" + data + "\n");

            var database = start();
            try (var connection = connect(database, database.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
            assertThat(other.isAlive()).as("a process that is not the leftover server is left alone").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    private record Outcome(int exit, String output) {
    }

    private static Outcome asNobody(String... command) throws IOException, InterruptedException {
        var full = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
        full.addAll(List.of(command));
        var process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output.strip());
    }
}
