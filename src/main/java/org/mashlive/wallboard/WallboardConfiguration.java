package org.mashlive.wallboard;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wall-board context's clock, in UTC; tests replace it with one they move. */
@Configuration(proxyBeanMethods = false)
class WallboardConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
