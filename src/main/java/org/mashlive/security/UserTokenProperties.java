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
 * @param lifetime how long a token is valid; a client in use refreshes it well before it runs out. A
 *                 client idle for longer (no request, so no refresh) must sign in again
 * @param sessionLifetime how long a sign-in lasts, however often its token is refreshed: counted from
 *                 the password sign-in, carried in every token refreshed from it; at least
 *                 {@code lifetime}
 */
@ConfigurationProperties("mash.security.user-tokens")
record UserTokenProperties(String secret, @DefaultValue("12h") Duration lifetime,
                           @DefaultValue("12h") Duration sessionLifetime) {
}
