package org.mashlive.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How children are kept pseudonymous on the board.
 *
 * @param childKeySecret the secret that keys the pseudonymous child key; required with an external
 *                       database, a fixed demo value with the embedded one
 */
@ConfigurationProperties("mash.privacy")
public record PrivacyProperties(String childKeySecret) {
}
