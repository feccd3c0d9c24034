package org.mashlive.wallboard;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mashlive.board.api.Access;
import org.mashlive.wallboard.shell.KioskRevokedPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a kiosk screen in as {@link Access#BOARD} from its token, on every request: {@code ?kiosk=TOKEN}
 * on the page's address, then a cookie that carries the token on the requests Vaadin makes by itself
 * (UIDL, heartbeats, push). Nothing is kept in the session, so a screen is never sent to the login
 * page when its session ends (it reloads and signs in again), and a token revoked is refused at the
 * next request.
 *
 * <p>A wrong or revoked token on the address answers 401 with the "revoked" page; a cookie whose token
 * was revoked is dropped, and the board's page is then sent to the "revoked" page
 * ({@link KioskRevokedPage}), any other request going on unsigned. An open board is sent there by the
 * board itself ({@link KioskScreens#inForce}), as its push connection makes no requests to filter.
 */
final class KioskFilter extends OncePerRequestFilter {

    static final String PARAMETER = "kiosk";
    static final String COOKIE = "MASH_KIOSK";

    private final KioskTokens tokens;
    private final SecurityContextHolderStrategy contexts;
    private final Duration cookieLife;
    private final String hubName;

    /**
     * @param cookieLife how long the screen's browser keeps the cookie ({@code mash.kiosk.cookie-lifetime})
     * @param hubName    the hub, for the "revoked" page
     */
    KioskFilter(KioskTokens tokens, SecurityContextHolderStrategy contexts, Duration cookieLife, String hubName) {
        this.tokens = tokens;
        this.contexts = contexts;
        this.cookieLife = cookieLife;
        this.hubName = hubName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String onAddress = fromQuery(request.getQueryString());
        String inCookie = fromCookie(request);
        String token = onAddress != null ? onAddress : inCookie;
        if (token == null || onAddress == null && signedIn()) {
            chain.doFilter(request, response);
            return;
        }
        var screen = tokens.screen(token);
        if (screen.isEmpty()) {
            if (inCookie != null) {
                response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO));
            }
            if (onAddress != null) {
                // written here, not through the error page, which would send the screen to the login page
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("text/html;charset=UTF-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write(KioskRevokedPage.document(request.getContextPath(), hubName));
                return;
            }
            if (WallboardSecurity.isBoardPage(request) && "GET".equals(request.getMethod())) {
                // a screen that was a kiosk: it is told its token went, not offered a sign-in
                response.sendRedirect(request.getContextPath() + KioskRevokedPage.PATH);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (onAddress != null && !onAddress.equals(inCookie)) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, cookieLife));
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(new KioskAuthentication(screen.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private boolean signedIn() {
        Authentication current = contexts.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }

    /** Read from the query string only: reading parameters would consume a form body meant for others. */
    private static String fromQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(PARAMETER)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String cookie(HttpServletRequest request, String value, Duration life) {
        return ResponseCookie.from(COOKIE, value).path("/").httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").maxAge(life).build().toString();
    }

    /** A kiosk screen: role BOARD, no person's name; the screen its token signs in. */
    static final class KioskAuthentication extends AbstractAuthenticationToken {

        private final transient KioskScreen screen;

        KioskAuthentication(KioskScreen screen) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + Access.BOARD)));
            this.screen = screen;
            setAuthenticated(true);
        }

        KioskScreen screen() {
            return screen;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "kiosk";
        }
    }
}
