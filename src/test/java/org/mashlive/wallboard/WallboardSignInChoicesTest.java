package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Access;

/**
 * Which sign-in the wall-board offers, decided at start-up: the identity provider, configured users,
 * the demo's users, or several; with none of them it refuses to start, saying what to set.
 */
class WallboardSignInChoicesTest {

    private final WallboardSecurity security = new WallboardSecurity();

    private static final SignInSettings.Provider NO_PROVIDER =
            new SignInSettings.Provider(null, null, null, List.of("openid", "profile"), "your council account");

    private static SignInSettings.Provider provider(String clientId) {
        return new SignInSettings.Provider("https://login.example/tenant/v2.0", clientId, null,
                List.of("openid", "profile"), "Council account");
    }

    private static final SignInSettings.Demo DEMO_SETTINGS = new SignInSettings.Demo(null, Access.DEMO_PASSWORD);

    private static final SignInSettings.Users NOBODY = new SignInSettings.Users(List.of());

    private WallboardSecurity.ProviderSignIns oidc(SignInSettings.Provider settings) {
        return security.providerSignIn(settings, null, Clock.systemUTC());
    }

    @Test
    void withNeitherAProviderNorUsersOutsideTheDemoItRefusesToStartSayingWhatToSet() {
        assertThatThrownBy(() -> security.users(NOBODY, DEMO_SETTINGS, new WallboardSecurity.Demo(false), NO_PROVIDER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No way to sign in to the wall-board is configured")
                .hasMessageContaining("mash.security.oidc.issuer-uri and mash.security.oidc.client-id")
                .hasMessageContaining("mash.security.users[0].username");
    }

    @Test
    void theProviderAloneIsEnoughAndTheLoginPageThenOffersNoPasswordForm() {
        var users = security.users(NOBODY, DEMO_SETTINGS, new WallboardSecurity.Demo(false), provider("mash-wallboard"));
        var choices = security.signInChoices(oidc(provider("mash-wallboard")), users, NOBODY,
                new WallboardSecurity.Demo(false));
        assertThat(choices.provider()).isTrue();
        assertThat(choices.providerName()).isEqualTo("Council account");
        assertThat(choices.passwords()).isFalse();
    }

    @Test
    void theDemoDefaultStartsWithNoConfigurationAndOffersTheForm() {
        var demo = new WallboardSecurity.Demo(true);
        var users = security.users(NOBODY, DEMO_SETTINGS, demo, NO_PROVIDER);
        var choices = security.signInChoices(oidc(NO_PROVIDER), users, NOBODY, demo);
        assertThat(choices.provider()).isFalse();
        assertThat(choices.passwords()).isTrue();
        assertThat(users.userExists("duty.lead")).isTrue();
    }

    @Test
    void aProviderWithoutTheWallboardsClientIdStopsTheStart() {
        assertThatThrownBy(() -> oidc(provider(" ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mash.security.oidc.client-id is not set");
        var noOpenId = new SignInSettings.Provider("https://login.example/tenant/v2.0", "mash-wallboard", null,
                List.of("profile"), "Council account");
        assertThatThrownBy(() -> oidc(noOpenId)).hasMessageContaining("scopes must include openid");
    }
}
