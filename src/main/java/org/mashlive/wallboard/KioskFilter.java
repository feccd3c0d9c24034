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
 * <p>A wrong token on the address answers 401; a cookie whose token was revoked is dropped and the
 * request goes on unsigned, so the board sends it to the login page.
 */
final class KioskFilter extends OncePerRequestFilter {

    static final String PARAMETER = "kiosk";
    static final String COOKIE = "MASH_KIOSK";
    private static final Duration COOKIE_LIFE = Duration.ofDays(400);

    private final KioskTokens tokens;
    private final SecurityContextHolderStrategy contexts;

    KioskFilter(KioskTokens tokens, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
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
        if (!tokens.valid(token)) {
            if (inCookie != null) {
                response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO));
            }
            if (onAddress != null) {
                // written here, not through the error page, which would send the screen to the login page
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("This kiosk token is not valid: it was mistyped or has been revoked.\n");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (onAddress != null && !onAddress.equals(inCookie)) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, COOKIE_LIFE));
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(new KioskAuthentication());
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

    /** A kiosk screen: role BOARD, no name. */
    static final class KioskAuthentication extends AbstractAuthenticationToken {

        KioskAuthentication() {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + Access.BOARD)));
            setAuthenticated(true);
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
