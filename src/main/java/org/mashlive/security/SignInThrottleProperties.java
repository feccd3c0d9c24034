package org.mashlive.security;

import java.time.Duration;

import org.mashlive.signin.SignInThrottle;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard sign-in is throttled, at every door: after {@code failures} wrong passwords within
 * {@code window} for one account, or from one address, further attempts for it are refused until
 * the window has passed. The wall-board binds the same settings for its login page.
 *
 * @param failures how many failures lock an account or address (5)
 * @param window   how long a failure counts (1 minute)
 */
@ConfigurationProperties("mash.security.sign-in-throttle")
record SignInThrottleProperties(@DefaultValue("5") int failures, @DefaultValue("1m") Duration window) {

    SignInThrottle.Settings settings() {
        return new SignInThrottle.Settings(failures, window);
    }
}
