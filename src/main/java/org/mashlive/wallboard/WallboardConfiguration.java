package org.mashlive.wallboard;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.util.MimeTypeUtils;

/** The wall-board context's clock and its RSocket requester to the backend. */
@Configuration(proxyBeanMethods = false)
class WallboardConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Connects lazily, on the first request, and again on the next request after the connection
     * closed; JSON, which the backend serves beside CBOR, keeps the traffic readable.
     */
    @Bean(destroyMethod = "dispose")
    RSocketRequester boardRequester(RSocketRequester.Builder builder, BackendProperties backend) {
        return builder.dataMimeType(MimeTypeUtils.APPLICATION_JSON).tcp(backend.host(), backend.rsocketPort());
    }
}
