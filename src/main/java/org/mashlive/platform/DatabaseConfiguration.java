package org.mashlive.platform;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The backend's database: the embedded PostgreSQL 18 when {@code spring.r2dbc.url} is not set,
 * otherwise the database it names. Either way the backend gets one pooled R2DBC
 * {@link ConnectionFactory}, a {@link PostgresEndpoint} for connections of its own, and a JDBC
 * {@link DataSource} that only Flyway uses, before the server starts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseUrl.class)
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
        var database = EmbeddedDatabase.start(properties);
        log.info("Embedded PostgreSQL started on {}:{} with data in {}", EmbeddedDatabase.LOOPBACK, database.port(),
                properties.dataDirectory() == null ? "a temporary directory" : database.directory());
        return database;
    }

    @Bean
    PostgresEndpoint postgresEndpoint(Environment environment, ObjectProvider<EmbeddedDatabase> embedded) {
        var database = embedded.getIfAvailable();
        if (database != null) {
            return database.endpoint();
        }
        return PostgresEndpoint.fromR2dbcUrl(environment.getProperty("spring.r2dbc.url"),
                environment.getProperty("spring.r2dbc.username"), environment.getProperty("spring.r2dbc.password"));
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(PostgresEndpoint endpoint, DatabasePoolProperties pool) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(endpoint.connectionFactory())
                .name("mash")
                .initialSize(pool.initialSize())
                .maxSize(pool.maxSize())
                .maxIdleTime(Duration.ofMinutes(10))
                .maxAcquireTime(Duration.ofSeconds(5))
                .validationQuery("SELECT 1")
                .build());
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(PostgresEndpoint endpoint) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoint.jdbcUrl());
        dataSource.setUser(endpoint.username());
        dataSource.setPassword(endpoint.password());
        return dataSource;
    }

    /** Matches when no database URL is configured, so the embedded default is wanted. */
    static final class NoDatabaseUrl implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.r2dbc.url"));
        }
    }
}
