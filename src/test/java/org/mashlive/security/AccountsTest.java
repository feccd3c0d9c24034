package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Access;
import org.mashlive.platform.PostgresEndpoint;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;

class AccountsTest {

    private static final PostgresEndpoint EXTERNAL = new PostgresEndpoint("db", 5432, "mash", "mash", "x", false);
    private static final PostgresEndpoint EMBEDDED = new PostgresEndpoint("localhost", 5432, "postgres", "postgres", "", true);
    private static final DemoProperties DEMO = new DemoProperties(Access.DEMO_PASSWORD);

    private static boolean signsIn(Accounts accounts, String user, String password) {
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(accounts.userDetails());
        manager.setPasswordEncoder(accounts.encoder());
        try {
            return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password))
                    .block().isAuthenticated();
        } catch (RuntimeException refused) {
            return false;
        }
    }

    @Test
    void anExternalDeploymentWithoutUsersDoesNotStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> new Accounts(new SignInProperties(List.of(), List.of(), null), DEMO, EXTERNAL))
                .hasMessageContaining("No users are configured")
                .hasMessageContaining("mash.security.oidc.issuer-uri")
                .hasMessageContaining("mash.security.users[0].password-hash");
    }

    @Test
    void anExternalDeploymentHasOnlyItsOwnUsersAndTokens() {
        String hash = new BCryptPasswordEncoder(4).encode("s3cret");
        var accounts = new Accounts(new SignInProperties(
                List.of(new SignInProperties.Account("lead.one", hash, List.of(Access.DUTY_LEAD))),
                List.of("board-token-1"), null), DEMO, EXTERNAL);
        assertThat(signsIn(accounts, "lead.one", "s3cret")).isTrue();
        assertThat(signsIn(accounts, "lead.one", "wrong")).isFalse();
        assertThat(signsIn(accounts, "hub.manager", Access.DEMO_PASSWORD)).isFalse();
        assertThat(accounts.isBoardToken("board-token-1")).isTrue();
        assertThat(accounts.isBoardToken(Access.DEMO_BOARD_TOKEN)).isFalse();
    }

    @Test
    void theEmbeddedDemoHasTheDemoUsersWithTheDemoPassword() {
        var accounts = new Accounts(new SignInProperties(List.of(), List.of(), "launcher-token"),
                new DemoProperties("other"), EMBEDDED);
        for (String user : Access.DEMO_USERS.keySet()) {
            assertThat(signsIn(accounts, user, "other")).as(user).isTrue();
            assertThat(signsIn(accounts, user, Access.DEMO_PASSWORD)).as(user).isFalse();
        }
        assertThat(accounts.isBoardToken(Access.DEMO_BOARD_TOKEN)).isTrue();
        assertThat(accounts.isBoardToken("launcher-token")).isTrue();
        assertThat(accounts.isBoardToken("launcher-toke")).isFalse();
    }

    @Test
    void aMisconfiguredUserIsNamed() {
        assertThatThrownBy(() -> new Accounts(new SignInProperties(
                List.of(new SignInProperties.Account("x", "plain-password", List.of(Access.ADMIN))), List.of(), null),
                DEMO, EXTERNAL)).hasMessageContaining("mash.security.users[0].password-hash must be a BCrypt hash");
        String hash = new BCryptPasswordEncoder(4).encode("p");
        assertThatThrownBy(() -> new Accounts(new SignInProperties(
                List.of(new SignInProperties.Account("x", hash, List.of("SUPERUSER"))), List.of(), null),
                DEMO, EXTERNAL)).hasMessageContaining("mash.security.users[0].roles has 'SUPERUSER'");
    }
}
