package org.mashlive.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The backend's R2DBC connection pool.
 *
 * @param initialSize connections opened at start
 * @param maxSize     connections at most
 */
@ConfigurationProperties("mash.database.pool")
public record DatabasePoolProperties(@DefaultValue("2") int initialSize, @DefaultValue("16") int maxSize) {
}
