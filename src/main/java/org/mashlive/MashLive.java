package org.mashlive;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.wallboard.WallboardApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts MASH Live: the backend context (WebFlux, R2DBC, RSocket), the wall-board context (Vaadin
 * on Tomcat), or both in one JVM, as {@code mash.role} says: {@code all} (the default),
 * {@code backend} or {@code wallboard}. See docs/decisions/0001-two-contexts-one-jar.md.
 *
 * <p>Its package is the root of the application's modules: each direct sub-package is one.
 */
@Modulithic(systemName = "MASH Live")
public final class MashLive {

    /** The contexts one start produced; either may be null when its role was not asked for. */
    public record Running(ConfigurableApplicationContext backend, ConfigurableApplicationContext wallboard)
            implements AutoCloseable {

        @Override
        public void close() {
            if (wallboard != null) {
                wallboard.close();
            }
            if (backend != null) {
                backend.close();
            }
        }
    }

    /** The parts one process can run. */
    public enum Role {
        ALL, BACKEND, WALLBOARD;

        boolean backend() {
            return this != WALLBOARD;
        }

        boolean wallboard() {
            return this != BACKEND;
        }

        static Role parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "mash.role must be one of all, backend, wallboard; it was '" + value + "'");
            }
        }
    }

    private MashLive() {
    }

    /**
     * Starts the role's contexts and runs until stopped; with {@code --mash.exit-after-start=true}
     * (or {@code MASH_EXIT_AFTER_START=true}) it closes them again once all have started and ends the
     * process with status 0: the training run for the JVM's ahead-of-time cache, in which the JVM
     * records the classes a start loads (see the README, "Starting in seconds").
     */
    public static void main(String[] args) {
        boolean exitAfterStart;
        try {
            exitAfterStart = exitAfterStart(args);
            if (exitAfterStart) {
                startAndStop(args);
            } else {
                start(args);
            }
        } catch (RuntimeException e) {
            System.err.println("MASH Live did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (exitAfterStart) {
            // nothing of the closed contexts may keep the process (and an image's build) waiting
            System.exit(0);
        }
    }

    /** Whether {@code mash.exit-after-start} is on: {@code true} or {@code false}, nothing else (a typo would run on). */
    static boolean exitAfterStart(String... args) {
        String value = setting(args, "mash.exit-after-start", "MASH_EXIT_AFTER_START", "false").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("mash.exit-after-start must be true or false; it was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** Starts the contexts of the role in {@code args}, as {@link #start} does, and closes them again. */
    static void startAndStop(String... args) {
        try (var running = start(args)) {
            System.out.println("MASH Live started " + (running.backend() != null ? "the backend" : "")
                    + (running.backend() != null && running.wallboard() != null ? " and " : "")
                    + (running.wallboard() != null ? "the wall-board" : "") + "; stopping again (mash.exit-after-start)");
        }
    }

    /**
     * Starts the contexts of the role found in {@code args} ({@code --mash.role=…}), the system
     * property or the environment ({@code MASH_ROLE}). In role {@code all} the wall-board is
     * pointed at the RSocket port the backend actually bound, signs in there with a token made up for
     * this start, and is the demo exactly when the backend is. When the wall-board fails to start,
     * the backend is closed again and the failure rethrown.
     */
    public static Running start(String... args) {
        Role role = Role.parse(roleOf(args));
        // Both contexts in one process: the wall-board signs in to the backend with a token made up for
        // this start, known to no one else. Defaults only, so configured credentials still win.
        String inProcessToken = role == Role.ALL ? newToken() : null;
        ConfigurableApplicationContext backend = null;
        if (role.backend()) {
            var builder = new SpringApplicationBuilder(BackendApplication.class)
                    .web(WebApplicationType.REACTIVE)
                    .properties("spring.config.name=backend");
            if (inProcessToken != null) {
                builder.properties("mash.security.in-process-board-token=" + inProcessToken);
            }
            backend = builder.run(args);
        }
        ConfigurableApplicationContext wallboard = null;
        if (role.wallboard()) {
            try {
                String[] wallboardArgs = args;
                if (backend != null) {
                    // Point the wall-board at the port the backend really bound (0 asks for any free
                    // one); given as an argument, so it wins over every other setting of it.
                    String port = backend.getEnvironment().getProperty("local.rsocket.server.port");
                    if (port != null) {
                        wallboardArgs = Arrays.copyOf(args, args.length + 2);
                        wallboardArgs[args.length] = "--mash.wallboard.backend.host=localhost";
                        wallboardArgs[args.length + 1] = "--mash.wallboard.backend.rsocket-port=" + port;
                    }
                }
                var builder = new SpringApplicationBuilder(WallboardApplication.class)
                        .web(WebApplicationType.SERVLET)
                        .properties("spring.config.name=wallboard");
                if (backend != null && inProcessToken != null) {
                    // the wall-board is the demo exactly when the backend beside it is
                    builder.properties("mash.wallboard.backend.token=" + inProcessToken,
                            "mash.demo.enabled=" + backend.getBean(PostgresEndpoint.class).embedded());
                }
                wallboard = builder.run(wallboardArgs);
            } catch (RuntimeException e) {
                if (backend != null) {
                    backend.close();
                }
                throw e;
            }
        }
        return new Running(backend, wallboard);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String roleOf(String[] args) {
        return setting(args, "mash.role", "MASH_ROLE", "all");
    }

    /**
     * A setting read before any context exists: the last {@code --name=…} argument, else the system
     * property, else the environment variable, else {@code fallback}.
     */
    private static String setting(String[] args, String name, String variable, String fallback) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .reduce((first, second) -> second)
                .orElseGet(() -> {
                    String property = System.getProperty(name);
                    if (property != null) {
                        return property;
                    }
                    String env = System.getenv(variable);
                    return env != null ? env : fallback;
                });
    }
}
