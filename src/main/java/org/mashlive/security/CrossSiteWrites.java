package org.mashlive.security;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request that changes something (POST, PUT, PATCH, DELETE) unless it says it is JSON
 * ({@code Content-Type: application/json}) or carries the {@value #HEADER} header. A page on another
 * site can make a browser send a form or a plain-text body, with whatever credentials the browser
 * holds for this backend, but it cannot set either of these without a CORS preflight, which this
 * backend never grants. Scripts and partner systems add one line. Checked before sign-in, so a forged
 * request does not even count as a failed sign-in. See docs/decisions/0012-cross-site-and-sign-in-throttling.md.
 */
final class CrossSiteWrites implements WebFilter {

    /** The header a client that sends no JSON body names itself with; any value will do. */
    static final String HEADER = "X-MASH-Client";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || fromAProgram(request)) {
            return chain.filter(exchange);
        }
        return ApiSecurity.problem(exchange, HttpStatus.FORBIDDEN, "Not a request a browser page may send",
                request.getMethod() + " " + request.getPath() + " changes data: send it with Content-Type: "
                        + MediaType.APPLICATION_JSON_VALUE + " or with an " + HEADER + " header");
    }

    private static boolean fromAProgram(ServerHttpRequest request) {
        if (StringUtils.hasText(request.getHeaders().getFirst(HEADER))) {
            return true;
        }
        String contentType = request.getHeaders().getFirst("Content-Type");
        if (contentType == null) {
            return false;
        }
        try {
            // application/json or application/…+json; a form's and text/plain's types never parse to these
            var type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
