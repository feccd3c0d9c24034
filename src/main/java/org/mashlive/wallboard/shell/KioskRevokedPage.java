package org.mashlive.wallboard.shell;

import static org.mashlive.wallboard.shell.HtmlPage.escape;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What a kiosk screen shows once its token is no longer in force: an open board is sent here when
 * its token is revoked, and a screen that comes back with a revoked token lands here. It says so
 * plainly, so whoever looks at the TV knows to ask an admin rather than to sign in. Plain HTML, no
 * script, open to anyone: it shows nothing of the hub's work.
 */
@Controller
public class KioskRevokedPage {

    /** Where a screen whose token is no longer in force is sent. */
    public static final String PATH = "/kiosk-revoked";

    private final ShellSettings settings;

    KioskRevokedPage(ShellSettings settings) {
        this.settings = settings;
    }

    @GetMapping(PATH)
    ResponseEntity<String> revoked(HttpServletRequest request) {
        return HtmlPage.answer(200, document(request.getContextPath(), settings.hubName()));
    }

    /** The page, for an answer written elsewhere (a token on the address that is not in force: 401). */
    public static String document(String contextPath, String hubName) {
        String body = """
                <main class="login-page" id="kiosk-revoked">
                <div class="login-card">
                <p class="login-product">%1$s</p>
                <h1 class="login-hub">%2$s</h1>
                <p class="login-note login-error" role="alert" id="revoked-note">This screen's kiosk token has been \
                revoked, or is not valid, so the board is no longer shown here.</p>
                <p class="login-help">An admin can make a new kiosk address on the Kiosk tokens page.</p>
                </div>
                </main>
                """.formatted(escape(ShellSettings.PRODUCT), escape(hubName));
        return HtmlPage.document(contextPath, "Kiosk token revoked · " + ShellSettings.PRODUCT, "login", body);
    }
}
