package org.mashlive.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * User tokens ({@link org.mashlive.board.api.Access#TOKEN_ROUTE}).
 *
 * @param secret   the HMAC key, at least 32 characters; a secret, so give it in the environment. Every
 *                 backend instance behind one load balancer needs the same. Unset, each start makes up
 *                 its own, so tokens do not survive a restart (people sign in again)
 * @param lifetime how long a token is valid; a client in use refreshes it well before it runs out
 */
@ConfigurationProperties("mash.security.user-tokens")
record UserTokenProperties(String secret, @DefaultValue("12h") Duration lifetime) {
}
