package org.mashlive.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in to the backend. A deployment on an external database must configure at least one
 * user; the embedded demo adds its own demo users.
 *
 * @param users               the users, each with a password hash and roles
 * @param boardTokens         bearer tokens that grant {@code BOARD} on the RSocket routes (the wall-board's
 *                            connection, kiosk screens); secrets, so give them in the environment
 * @param inProcessBoardToken a token the launcher makes up for a wall-board started in the same process
 */
@ConfigurationProperties("mash.security")
record SignInProperties(@DefaultValue List<Account> users, @DefaultValue List<String> boardTokens,
                        String inProcessBoardToken) {

    /**
     * One user.
     *
     * @param username     the name to sign in with
     * @param passwordHash a BCrypt hash ({@code $2a$…} or {@code {bcrypt}$2a$…}); never the password
     * @param roles        role names from {@link org.mashlive.board.api.Access}
     * @param displayName  how the hub knows them (the audit trail and a referral's detail name them
     *                     so); the username when not given
     */
    record Account(String username, String passwordHash, @DefaultValue List<String> roles, String displayName) {

        /** The one the configuration binds to: the record has two constructors. */
        @org.springframework.boot.context.properties.bind.ConstructorBinding
        Account {
        }

        Account(String username, String passwordHash, List<String> roles) {
            this(username, passwordHash, roles, null);
        }
    }
}
