package org.mashlive.wallboard.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The login page offers the ways in that are configured: the identity provider's button, the
 * password form, or both; and the refusal page says why the provider's sign-in did not let a person in.
 */
class LoginPageTest {

    private static final ShellSettings HUB = new ShellSettings("Riverside Hub");

    private static String page(SignInChoices choices) {
        return new LoginPage(HUB, choices).login(new MockHttpServletRequest("GET", "/login")).getBody();
    }

    @Test
    void withTheProviderOnlyThereIsItsButtonAndNoPasswordForm() {
        String page = page(new SignInChoices("Council account", false));
        assertThat(page).contains("id=\"sign-in-provider\" href=\"" + SignInChoices.PROVIDER_SIGN_IN
                + "\">Sign in with Council account</a>");
        assertThat(page).doesNotContain("name=\"password\"");
    }

    @Test
    void withPasswordsOnlyThereIsTheFormAndNoProviderButton() {
        String page = page(new SignInChoices(null, true));
        assertThat(page).contains("name=\"password\"").doesNotContain("sign-in-provider");
    }

    @Test
    void withBothThereAreBoth() {
        assertThat(page(new SignInChoices("Council account", true)))
                .contains("Sign in with Council account").contains("name=\"password\"");
    }

    @Test
    void theRefusalPageSaysWhyFromTheSessionAndOffersTheWayBack() {
        var request = new MockHttpServletRequest("GET", SignInChoices.REFUSED);
        request.getSession().setAttribute(SignInChoices.REFUSAL_TITLE, "No MASH Live role");
        request.getSession().setAttribute(SignInChoices.REFUSAL, "Kim Reed <script> holds no MASH Live role.");
        var answer = new LoginPage(HUB, new SignInChoices("Council account", false)).refused(request);
        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody()).contains("No MASH Live role")
                .contains("Kim Reed &lt;script&gt; holds no MASH Live role.")
                .contains("href=\"/login\"");
    }
}
