package org.mashlive.wallboard.shell;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A page written on the server as plain HTML, with the shell's stylesheet and no script: it paints
 * as soon as it arrives, before (and without) Vaadin's client.
 */
final class HtmlPage {

    private HtmlPage() {
    }

    static String escape(String text) {
        return htmlEscape(text, "UTF-8");
    }

    /** A whole document; {@code title} is text, {@code body} is HTML already escaped. */
    static String document(String contextPath, String title, String bodyClass, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="google" content="notranslate">
                <title>%s</title>
                <link rel="stylesheet" href="%s/styles/shell.css">
                </head>
                <body class="page %s">
                %s
                </body>
                </html>
                """.formatted(PageLanguage.LANGUAGE, escape(title), escape(contextPath), bodyClass, body);
    }

    static ResponseEntity<String> answer(int status, String document) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(document);
    }
}
