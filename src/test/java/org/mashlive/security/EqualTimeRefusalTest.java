package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Access;
import org.mashlive.platform.PostgresEndpoint;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The time a refusal takes does not tell whether the name is a user's: an unknown name is checked
 * against a stand-in hash of the users' own BCrypt cost. Measured as medians of interleaved tries,
 * so that a busy machine slows both kinds alike.
 */
class EqualTimeRefusalTest {

    private static final PostgresEndpoint EXTERNAL = new PostgresEndpoint("db", 5432, "mash", "mash", "x", false);
    private static final int TRIES = 21;

    private final Accounts accounts = new Accounts(new SignInProperties(
            List.of(new SignInProperties.Account("lead.one", new BCryptPasswordEncoder(10).encode("s3cret"),
                    List.of(Access.DUTY_LEAD))),
            List.of(), null), new DemoProperties(Access.DEMO_PASSWORD), EXTERNAL);

    private ReactiveAuthenticationManager plain() {
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(accounts.userDetails());
        manager.setPasswordEncoder(accounts.encoder());
        return manager;
    }

    /** Median nanoseconds to refuse the unknown name and the known name's wrong password, tried in turn. */
    private static long[] medians(ReactiveAuthenticationManager manager) {
        long[] unknown = new long[TRIES];
        long[] known = new long[TRIES];
        refuse(manager, "lead.one");
        refuse(manager, "no.such.user");
        for (int i = 0; i < TRIES; i++) {
            unknown[i] = refuse(manager, "no.such.user");
            known[i] = refuse(manager, "lead.one");
        }
        Arrays.sort(unknown);
        Arrays.sort(known);
        return new long[] {unknown[TRIES / 2], known[TRIES / 2]};
    }

    private static long refuse(ReactiveAuthenticationManager manager, String name) {
        long start = System.nanoTime();
        try {
            manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong-password")).block();
            throw new AssertionError(name + " was signed in with a wrong password");
        } catch (org.springframework.security.authentication.BadCredentialsException refused) {
            return System.nanoTime() - start;
        }
    }

    @Test
    void withoutAStandInAnUnknownNameIsRefusedFarSooner() {
        long[] medians = medians(plain());
        assertThat(medians[0]).as("unknown name, no check").isLessThan(medians[1] / 4);
    }

    @Test
    void anUnknownNameTakesAsLongToRefuseAsAKnownUsersWrongPassword() {
        long[] medians = medians(accounts.checkingStrangersToo(plain()));
        long unknown = medians[0];
        long known = medians[1];
        assertThat((double) Math.abs(unknown - known) / Math.max(unknown, known))
                .as("unknown %d µs, known %d µs", unknown / 1000, known / 1000)
                .isLessThanOrEqualTo(0.2);
    }
}
