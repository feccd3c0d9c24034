package org.mashlive.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when no {@code spring.r2dbc.url} is configured.
 *
 * @param dataDirectory where it keeps its files; unset, a temporary directory removed at exit, so
 *                      data survives a restart only when this is set
 * @param port          its TCP port; 0 picks a free one
 */
@ConfigurationProperties("mash.embedded")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port) {
}
