package org.mashlive.platform;

import java.net.URI;
import java.util.Objects;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;

/**
 * Where the backend's PostgreSQL is: the embedded default, or the one {@code spring.r2dbc.url}
 * names. Modules that need a connection of their own (the board's LISTEN) build it from here.
 *
 * @param host     host name
 * @param port     TCP port
 * @param database database name
 * @param username user name
 * @param password password, empty for none
 * @param embedded whether this is the embedded default started by this process
 */
public record PostgresEndpoint(String host, int port, String database, String username, String password,
                               boolean embedded) {

    public PostgresEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(username, "username");
        password = password == null ? "" : password;
    }

    /**
     * Reads an {@code r2dbc:postgresql://host[:port]/database} URL.
     *
     * @throws IllegalArgumentException naming what is wrong with the URL
     */
    public static PostgresEndpoint fromR2dbcUrl(String url, String username, String password) {
        if (url == null || !url.startsWith("r2dbc:postgresql://") && !url.startsWith("r2dbc:pool:postgresql://")) {
            throw new IllegalArgumentException(
                    "spring.r2dbc.url must look like r2dbc:postgresql://host:5432/database, not " + url);
        }
        var uri = URI.create(url.substring(url.indexOf("postgresql://")));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String user = username;
        String secret = password;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = user != null ? user : parts[0];
            secret = secret != null ? secret : parts.length > 1 ? parts[1] : null;
        }
        if (user == null) {
            throw new IllegalArgumentException("spring.r2dbc.username is not set for " + url);
        }
        return new PostgresEndpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, database, user, secret,
                false);
    }

    /** A JDBC URL for the same database, for Flyway. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new, unpooled connection factory: each connection it makes is the caller's own. */
    public PostgresqlConnectionFactory connectionFactory() {
        return connectionFactory(null);
    }

    /**
     * A new, unpooled connection factory whose connections are served by {@code loops}, threads
     * that nothing else uses, or by the driver's shared ones when null.
     */
    public PostgresqlConnectionFactory connectionFactory(reactor.netty.resources.LoopResources loops) {
        var builder = PostgresqlConnectionConfiguration.builder();
        if (loops != null) {
            builder.loopResources(loops);
        }
        return new PostgresqlConnectionFactory(builder
                .host(host)
                .port(port)
                .database(database)
                .username(username)
                .password(password)
                .applicationName("mash-live")
                .build());
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + username + "@" + host + ":" + port + "/" + database
                + (embedded ? ", embedded" : "") + "]";
    }
}
