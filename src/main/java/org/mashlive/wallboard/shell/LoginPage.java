package org.mashlive.wallboard.shell;

import static org.mashlive.wallboard.shell.HtmlPage.escape;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page at {@code /login}: the product and the hub, and a form that posts {@code username}
 * and {@code password} to {@code /login}, where Spring Security checks them. Written on the server as
 * plain HTML, so it is whole at the first paint instead of waiting for Vaadin's client to load. A
 * failed attempt comes back with {@code ?error}, a sign-out with {@code ?logout}.
 */
@Controller
class LoginPage {

    private final ShellSettings settings;

    LoginPage(ShellSettings settings) {
        this.settings = settings;
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
        String csrf = "";
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            csrf = "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(escape(token.getParameterName()),
                    escape(token.getToken()));
        }
        String body = """
                <main class="login-page" id="login-view">
                <div class="login-card">
                <p class="login-product">%1$s</p>
                <h1 class="login-hub" id="login-hub">%2$s</h1>
                <p class="login-lede">The hub's live board, the duty queue and capacity. Sign in with your \
                %1$s account.</p>
                %3$s<form class="login-form" method="post" action="%4$s/login">
                <label for="username">Username</label>
                <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" \
                spellcheck="false" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                %5$s<button type="submit" id="sign-in">Sign in</button>
                </form>
                <p class="login-help">Wall-board screens open the board with their kiosk address and need no \
                sign-in.</p>
                </div>
                </main>
                """.formatted(escape(ShellSettings.PRODUCT), escape(settings.hubName()), notes, escape(context), csrf);
        return HtmlPage.answer(200, HtmlPage.document(context,
                "Sign in · " + ShellSettings.PRODUCT + " · " + settings.hubName(), "login", body));
    }
}
