package org.mashlive.quality;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QualityProperties.class, EscalationProperties.class})
class QualityConfiguration {
}
