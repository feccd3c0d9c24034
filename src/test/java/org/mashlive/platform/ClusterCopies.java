package org.mashlive.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

import org.mashlive.BackendApplication;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * In the tests only (registered in the tests' {@code META-INF/spring.factories}): a backend context
 * that would start the embedded PostgreSQL on a temporary directory gets a copy of one cluster
 * initialised once per test JVM instead, given as {@code mash.embedded.data-directory}, and the
 * copy is removed when the context closes. initdb takes a second or two of CPU at every start,
 * and the suite starts dozens of backends; a copy takes a tenth of that. The copy is a cluster made
 * by {@link EmbeddedDatabase} itself (its password, its sign-in rules), with no schema: every
 * context still runs the migrations.
 *
 * <p>A context given a data directory or a database URL of its own is left alone, and so is
 * {@link EmbeddedDatabase} started without Spring; {@code EmbeddedDatabaseIT} tests the
 * temporary directory itself.
 */
public final class ClusterCopies implements SpringApplicationRunListener {

    private static final String DIRECTORY = "mash.embedded.data-directory";
    private static Path template;

    private final SpringApplication application;
    private Path copy;
    private boolean removedWithContext;

    public ClusterCopies(SpringApplication application, String[] args) {
        this.application = application;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (!application.getAllSources().contains(BackendApplication.class)
                || StringUtils.hasText(environment.getProperty(DIRECTORY))
                || StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))) {
            return;
        }
        copy = copyOfTemplate();
        environment.getPropertySources().addFirst(new MapPropertySource("cluster copy", Map.of(DIRECTORY, copy.toString())));
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (copy != null) {
            Path directory = copy;
            // registered before every bean, so destroyed after them all, the database included
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("clusterCopyRemoval", () -> remove(directory));
            removedWithContext = true;
        }
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        // a context that got this far destroys its beans, and the copy with them
        if (copy != null && !removedWithContext) {
            remove(copy);
        }
    }

    /** A fresh copy of the template, made on first use. */
    static Path copyOfTemplate() {
        try {
            Path source = template();
            Path target = Files.createTempDirectory("mash-db-copy");
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(source)) {
                        Files.createDirectory(target.resolve(source.relativize(dir).toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path directory = Files.createTempDirectory("mash-db-template");
            // started and stopped once by the product's own code: initdb, password, sign-in rules
            EmbeddedDatabase.start(new EmbeddedDatabaseProperties(directory, 0)).close();
            Files.deleteIfExists(directory.resolve("postmaster.pid"));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> remove(directory)));
            template = directory;
        }
        return template;
    }

    private static void remove(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the cluster copy " + directory, e);
        }
    }
}
