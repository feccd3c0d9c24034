package org.mashlive.wallboard;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the capacity view links to Grafana.
 *
 * @param url Grafana as the viewer's browser reaches it; default {@code http://localhost:3000}
 */
@ConfigurationProperties("mash.grafana")
record GrafanaProperties(@DefaultValue("http://localhost:3000") URI url) {

    /** The link to a provisioned dashboard. */
    String dashboard(String uid) {
        String base = url.toString();
        return (base.endsWith("/") ? base : base + "/") + "d/" + uid;
    }
}
