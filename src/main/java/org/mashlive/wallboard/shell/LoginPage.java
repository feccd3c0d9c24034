package org.mashlive.wallboard.shell;

import static org.mashlive.wallboard.shell.HtmlPage.escape;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page at {@code /login}: the product and the hub, a button that signs in through the
 * council's identity provider when one is configured, and, when anyone may sign in with a password
 * here (configured users, or the demo's), a form that posts {@code username} and {@code password} to
 * {@code /login}, where Spring Security checks them. Written on the server as plain HTML, so it is
 * whole at the first paint instead of waiting for Vaadin's client to load. A failed attempt comes back
 * with {@code ?error}, a sign-out with {@code ?logout}; a person the provider signed in but MASH Live
 * refuses sees {@link SignInChoices#REFUSED}, which says why.
 */
@Controller
class LoginPage {

    private final ShellSettings settings;
    private final SignInChoices choices;

    LoginPage(ShellSettings settings, SignInChoices choices) {
        this.settings = settings;
        this.choices = choices;
    }

    @GetMapping("/login")
    ResponseEntity<String> login(HttpServletRequest request) {
        String context = request.getContextPath();
        var notes = new StringBuilder();
        if (request.getParameter("error") != null) {
            notes.append("""
                    <p class="login-note login-error" id="login-error" role="alert">That username and password \
                    did not match. Check them and try again.</p>
                    """);
        } else if (request.getParameter("logout") != null) {
            notes.append("""
                    <p class="login-note" id="signed-out" role="status">You have signed out.</p>
                    """);
        }
        var ways = new StringBuilder();
        if (choices.provider()) {
            ways.append("""
                    <a class="login-provider" id="sign-in-provider" href="%s%s">Sign in with %s</a>
                    """.formatted(escape(context), SignInChoices.PROVIDER_SIGN_IN, escape(choices.providerName())));
        }
        if (choices.passwords()) {
            String csrf = "";
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                csrf = "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(escape(token.getParameterName()),
                        escape(token.getToken()));
            }
            if (choices.provider()) {
                ways.append("<p class=\"login-or\">or with a MASH Live username</p>\n");
            }
            ways.append("""
                    <form class="login-form" method="post" action="%1$s/login">
                    <label for="username">Username</label>
                    <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" \
                    spellcheck="false" required%3$s>
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    %2$s<button type="submit" id="sign-in">Sign in</button>
                    </form>
                    """.formatted(escape(context), csrf, choices.provider() ? "" : " autofocus"));
        }
        String lede = choices.provider()
                ? "The hub's live board, the duty queue and capacity. Sign in with " + choices.providerName() + "."
                : "The hub's live board, the duty queue and capacity. Sign in with your " + ShellSettings.PRODUCT
                        + " account.";
        String body = """
                <main class="login-page" id="login-view">
                <div class="login-card">
                <p class="login-product">%1$s</p>
                <h1 class="login-hub" id="login-hub">%2$s</h1>
                <p class="login-lede">%3$s</p>
                %4$s%5$s<p class="login-help">Wall-board screens open the board with their kiosk address and need no \
                sign-in.</p>
                </div>
                </main>
                """.formatted(escape(ShellSettings.PRODUCT), escape(settings.hubName()), escape(lede), notes, ways);
        return HtmlPage.answer(200, HtmlPage.document(context,
                "Sign in · " + ShellSettings.PRODUCT + " · " + settings.hubName(), "login", body));
    }

    /**
     * Why the identity provider's sign-in did not let a person in: no MASH Live role, or a token the
     * backend did not accept. A page of its own with a way back to the login page, never a redirect
     * to the provider, which would sign the same person in and be refused again.
     */
    @GetMapping(SignInChoices.REFUSED)
    ResponseEntity<String> refused(HttpServletRequest request) {
        String context = request.getContextPath();
        HttpSession session = request.getSession(false);
        Object title = session == null ? null : session.getAttribute(SignInChoices.REFUSAL_TITLE);
        Object reason = session == null ? null : session.getAttribute(SignInChoices.REFUSAL);
        String body = """
                <main class="login-page" id="refused-view">
                <div class="login-card">
                <p class="login-product">%1$s</p>
                <h1 class="login-hub" id="refused-title">%2$s</h1>
                <p class="login-note login-error" id="refused-reason" role="alert">%3$s</p>
                <p class="login-help"><a id="back-to-sign-in" href="%4$s/login">Back to sign-in</a></p>
                </div>
                </main>
                """.formatted(escape(ShellSettings.PRODUCT),
                escape(title == null ? "Not signed in" : title.toString()),
                escape(reason == null ? "You are not signed in." : reason.toString()), escape(context));
        // 403: the person is known to the provider but not let in here
        return HtmlPage.answer(403, HtmlPage.document(context,
                "Not signed in · " + ShellSettings.PRODUCT + " · " + settings.hubName(), "login", body));
    }
}
