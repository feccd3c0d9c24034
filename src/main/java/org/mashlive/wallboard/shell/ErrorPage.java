package org.mashlive.wallboard.shell;

import static org.mashlive.wallboard.shell.HtmlPage.escape;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page for a request refused or failed before any view: a kiosk screen asking for a page other
 * than the board (403, decided by the sign-in rules), or anything that went wrong on the server. It
 * replaces Spring Boot's "Whitelabel" page, keeps the status, says what happened in words and never
 * shows a stack trace or the exception.
 */
@Controller
class ErrorPage implements ErrorController {

    private final ShellSettings settings;

    ErrorPage(ShellSettings settings) {
        this.settings = settings;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String context = request.getContextPath();
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path
                ? path.substring(Math.min(context.length(), path.length()))
                : "";
        String id;
        String title;
        String reason;
        String more = "";
        switch (status) {
            case 403 -> {
                id = "not-allowed";
                title = "Not allowed";
                reason = Pages.at(uri).filter(page -> page != Pages.BOARD)
                        .map(page -> "The " + page.label() + " page is for " + page.who() + ".")
                        .orElse("This page is not open to this sign-in.");
                more = "A wall-board screen shows the board only; people sign in for the other pages.";
            }
            case 404 -> {
                id = "not-found";
                title = "Not found";
                reason = "There is no page at " + uri + ". The address may be mistyped, or the page may have moved.";
            }
            case 401 -> {
                id = "not-signed-in";
                title = "Sign in first";
                reason = "This page needs you to sign in.";
            }
            default -> {
                id = "server-error";
                title = "Something went wrong";
                reason = "The wall-board could not answer this request (" + status
                        + "). Try again in a moment; if it goes on, tell the hub's support team.";
            }
        }
        String body = """
                <main class="shell-page error-page" id="%1$s">
                <p class="error-product">%2$s · %3$s</p>
                <h1>%4$s</h1>
                <p id="%1$s-reason">%5$s</p>
                %7$s<p><a href="%6$s/board">Open the board</a> or <a href="%6$s/login">sign in</a>.</p>
                </main>
                """.formatted(id, escape(ShellSettings.PRODUCT), escape(settings.hubName()), escape(title),
                escape(reason), escape(context), more.isEmpty() ? "" : "<p>" + escape(more) + "</p>\n");
        return HtmlPage.answer(status, HtmlPage.document(context, title + " · " + ShellSettings.PRODUCT, "error", body));
    }
}
