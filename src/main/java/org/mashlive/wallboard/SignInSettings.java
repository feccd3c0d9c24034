package org.mashlive.wallboard;

import java.nio.file.Path;
import java.util.List;

import org.mashlive.board.api.Access;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wall-board's sign-in settings. The users are bound from the same properties as the backend's
 * ({@code mash.security.users}), so in one process both contexts know the same people; a wall-board on
 * its own machine is given them in its own configuration.
 */
final class SignInSettings {

    private SignInSettings() {
    }

    /**
     * @param users the people who may sign in, with BCrypt password hashes
     */
    @ConfigurationProperties("mash.security")
    record Users(@DefaultValue List<Account> users) {
    }

    /**
     * @param username     the name to sign in with
     * @param passwordHash a BCrypt hash ({@code $2a$…} or {@code {bcrypt}$2a$…})
     * @param roles        role names from {@link Access}
     */
    record Account(String username, String passwordHash, @DefaultValue List<String> roles) {
    }

    /**
     * How hard the login page throttles sign-in: the same settings as the backend's.
     *
     * @param failures how many wrong passwords within {@code window} lock an account or address (5)
     * @param window   how long a failure counts (1 minute)
     */
    @ConfigurationProperties("mash.security.sign-in-throttle")
    record Throttle(@DefaultValue("5") int failures, @DefaultValue("1m") java.time.Duration window) {
    }

    /**
     * Whether this wall-board is the demo, and the demo's password.
     *
     * @param enabled  the demo's users and kiosk token are accepted; unset, the wall-board is a demo
     *                 when no {@code spring.r2dbc.url} is configured and its backend is on this machine
     * @param password the password of every demo user
     */
    @ConfigurationProperties("mash.demo")
    record Demo(Boolean enabled, @DefaultValue(Access.DEMO_PASSWORD) String password) {
    }

    /**
     * Kiosk tokens: {@code /board?kiosk=TOKEN} signs a screen in as BOARD. Beside these, admins make
     * and revoke tokens on the kiosk page; the backend keeps their hashes.
     *
     * @param tokens         the tokens; secrets, so give them in the environment
     * @param tokensFile     a file of further tokens, one a line, read again whenever it changes, so a
     *                       token struck out of it is refused at the screen's next request
     * @param cookieLifetime how long a screen's browser keeps the cookie that signs it in again after a
     *                       restart without the token on its address (400 days, browsers' limit)
     * @param checkEvery     how often a token made on the kiosk page is checked with the backend while
     *                       a screen uses it (10 s): a revoked token's open board leaves for the
     *                       "revoked" page within this and the board's own 5 s tick
     */
    @ConfigurationProperties("mash.kiosk")
    record Kiosk(@DefaultValue List<String> tokens, Path tokensFile,
                 @DefaultValue("400d") java.time.Duration cookieLifetime,
                 @DefaultValue("10s") java.time.Duration checkEvery) {

        Kiosk {
            if (cookieLifetime.isNegative() || cookieLifetime.isZero()) {
                throw new IllegalArgumentException("mash.kiosk.cookie-lifetime must be more than 0, was " + cookieLifetime);
            }
            if (checkEvery.isNegative() || checkEvery.isZero()) {
                throw new IllegalArgumentException("mash.kiosk.check-every must be more than 0, was " + checkEvery);
            }
        }
    }

    /**
     * The council's identity provider, through which people sign in to the wall-board (OpenID Connect,
     * authorization code with PKCE): the same {@code mash.security.oidc} settings as the backend's
     * bearer tokens, with the wall-board's own client. Off unless {@code issuer-uri} is set.
     *
     * @param issuerUri    the provider's issuer, as the backend has it
     * @param clientId     the wall-board's client (application) id at the provider
     * @param clientSecret its secret; unset for a public client, which PKCE alone protects
     * @param scopes       what to ask for: {@code openid} and {@code profile}, and the scope that makes the
     *                     provider's access token carry the backend's audience (for Entra ID
     *                     {@code api://<application id>/.default} or a scope of the API's own)
     * @param name         how the login page names the provider: "Sign in with {@code name}"
     */
    @ConfigurationProperties("mash.security.oidc")
    record Provider(String issuerUri, String clientId, String clientSecret,
                    @DefaultValue({"openid", "profile"}) List<String> scopes,
                    @DefaultValue("your council account") String name) {

        boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
