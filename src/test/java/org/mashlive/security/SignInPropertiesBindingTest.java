package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Users as a deployment configures them, with and without a display name, bind as the backend reads them. */
class SignInPropertiesBindingTest {

    @Test
    void usersBindWithTheirDisplayNameOrWithout() {
        var source = new MapConfigurationPropertySource(Map.of(
                "mash.security.users[0].username", "j.smith",
                "mash.security.users[0].password-hash", "$2a$10$abcdefghijklmnopqrstuv",
                "mash.security.users[0].roles", "DUTY_LEAD",
                "mash.security.users[0].display-name", "Jo Smith",
                "mash.security.users[1].username", "a.khan",
                "mash.security.users[1].password-hash", "$2a$10$abcdefghijklmnopqrstuv",
                "mash.security.users[1].roles", "ADMIN"));
        var bound = new Binder(source).bind("mash.security", SignInProperties.class).get();
        assertThat(bound.users()).extracting(SignInProperties.Account::username, SignInProperties.Account::displayName,
                SignInProperties.Account::roles).containsExactly(
                org.assertj.core.groups.Tuple.tuple("j.smith", "Jo Smith", List.of("DUTY_LEAD")),
                org.assertj.core.groups.Tuple.tuple("a.khan", null, List.of("ADMIN")));
    }
}
