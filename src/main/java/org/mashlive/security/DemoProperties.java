package org.mashlive.security;

import org.mashlive.board.api.Access;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded demo's sign-in.
 *
 * @param password the password of every demo user
 */
@ConfigurationProperties("mash.demo")
record DemoProperties(@DefaultValue(Access.DEMO_PASSWORD) String password) {
}
