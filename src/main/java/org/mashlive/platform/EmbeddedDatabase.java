package org.mashlive.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, closed to every other account on the machine: it listens on 127.0.0.1
 * only and has no unix socket; it asks for a password (SCRAM) that is made up once per data
 * directory and kept, readable by this account only, in {@value #SECRET} inside it; the data
 * directory is readable by this account only. A PostgreSQL left running on the same directory by a
 * start that died is stopped first ({@link LeftoverPostgres}). See
 * docs/decisions/0013-embedded-database-locked-down.md.
 *
 * @param postgres  the running server
 * @param directory its data directory
 * @param password  the password of its {@value #USER} user; a secret, never logged
 */
record EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String password) implements Closeable {

    /** The file in the data directory that keeps the password of {@value #USER}. */
    static final String SECRET = "mash-live.secret";
    static final String USER = "postgres";
    static final String LOOPBACK = "127.0.0.1";

    private static final String PENDING = SECRET + ".new";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Where files have POSIX permissions (not on Windows, where ACLs inherited from the parent apply). */
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /**
     * Only password sign-in over loopback TCP. Rewritten at each start, so that a file edited by
     * hand, or written by an older version that trusted every local connection, does not stay.
     */
    static final String HBA = """
            # Written by MASH Live at each start of its embedded database; edits are overwritten.
            # Sign-in with the password kept in %s only, over loopback TCP only (no unix socket).
            host    all    all    127.0.0.1/32    scram-sha-256
            """.formatted(SECRET);

    /** Starts the embedded database on the configured data directory, or on a temporary one removed at close. */
    static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException {
        boolean temporary = properties.dataDirectory() == null;
        Path directory;
        if (temporary) {
            // created 0700 by the JDK; removed at close with everything in it
            directory = Files.createTempDirectory("mash-db");
        } else {
            directory = properties.dataDirectory().toAbsolutePath().normalize();
            Files.createDirectories(directory);
        }
        ownerOnly(directory, OWNER_ONLY_DIRECTORY);

        // the library runs initdb exactly when there is no postgresql.conf
        boolean initialised = Files.exists(directory.resolve("postgresql.conf"));
        Path secret = directory.resolve(SECRET);
        Path pending = directory.resolve(PENDING);
        var builder = EmbeddedPostgres.builder()
                .setPGStartupWait(STARTUP)
                .setDataDirectory(directory)
                .setCleanDataDirectory(temporary)
                .setServerConfig("max_connections", "200")
                // The embedded library starts PostgreSQL with fsync and synchronous_commit off, for
                // its tests' speed. A referral answered 201 must survive a crash, so both are back
                // on, as in PostgreSQL's own defaults ("-c fsync=on" overrides the library's "-F").
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // no unix socket (by default one in /tmp that every account may open), TCP on
                // loopback only
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("listen_addresses", LOOPBACK)
                .setServerConfig("password_encryption", "scram-sha-256");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }

        String password;
        Path initialPassword = null;
        boolean upgrade = false;
        if (!initialised) {
            // initdb wants the directory empty: a secret left by a start that died before
            // initialising is worth nothing without its cluster
            Files.deleteIfExists(secret);
            Files.deleteIfExists(pending);
            password = newPassword();
            initialPassword = Files.createTempFile("mash-db-", ".pw", ownerOnly());
            Files.writeString(initialPassword, password, StandardCharsets.UTF_8);
            // The library runs initdb with "-A trust" and has no setting for its other options;
            // these two are appended after it, and initdb takes the last --auth given.
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", initialPassword.toString());
        } else if (Files.exists(secret)) {
            password = Files.readString(secret, StandardCharsets.UTF_8).strip();
        } else {
            // made by a version that trusted every local connection: it gets its password below,
            // kept under another name until the server asks for it, so that a crash half-way
            // repeats the change instead of losing the password
            upgrade = true;
            password = Files.exists(pending) ? Files.readString(pending, StandardCharsets.UTF_8).strip() : newPassword();
            writeOwnerOnly(pending, password);
        }
        // the library's own readiness check signs in with these
        builder.setConnectConfig("password", password);

        Path pwfile = initialPassword;
        boolean keepHba = upgrade;
        builder.setDataDirectoryCustomizer(dataDirectory -> prepare(dataDirectory.toPath(), secret, password, pwfile,
                keepHba));
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (pwfile != null) {
                Files.deleteIfExists(pwfile);
            }
        }
        var database = new EmbeddedDatabase(postgres, directory, password);
        if (upgrade) {
            database.closeToOtherAccounts(pending, secret);
        }
        return database;
    }

    /**
     * Runs after the library has taken its lock on the directory and run initdb, before it starts
     * the server: stops a server a dead start left running, keeps a new cluster's password, and
     * writes the sign-in rules.
     */
    private static void prepare(Path directory, Path secret, String password, Path pwfile, boolean keepHba) {
        try {
            LeftoverPostgres.stop(directory);
            ownerOnly(directory, OWNER_ONLY_DIRECTORY);
            if (pwfile != null) {
                writeOwnerOnly(secret, password);
            }
            if (!keepHba) {
                writeOwnerOnly(directory.resolve("pg_hba.conf"), HBA);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives a data directory made by a version without a password its password, then the sign-in
     * rules that ask for it. The password is hashed here (SCRAM) and never sent to the server.
     */
    private void closeToOtherAccounts(Path pending, Path secret) throws IOException {
        var settings = new Properties();
        settings.setProperty("user", USER);
        settings.setProperty("password", password);
        try (var connection = DriverManager.getConnection(jdbcUrl(), settings)) {
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            writeOwnerOnly(directory.resolve("pg_hba.conf"), HBA);
            try (var reload = connection.createStatement()) {
                reload.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a password on the embedded database in " + directory, e);
        }
        Files.move(pending, secret, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.warn("The embedded database in {} trusted every local connection; it now asks for a password, kept in {}",
                directory, secret);
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + LOOPBACK + ":" + port() + "/postgres";
    }

    /** Where the backend's connections go. */
    PostgresEndpoint endpoint() {
        return new PostgresEndpoint(LOOPBACK, port(), "postgres", USER, password, true);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    @Override
    public String toString() {
        // never the password
        return "EmbeddedDatabase[" + directory + ", port " + port() + "]";
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(next);
        Files.createFile(next, ownerOnly());
        Files.writeString(next, content, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Created readable by its owner only from the start, never for a moment by others. */
    private static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }
}
