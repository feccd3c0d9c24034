package org.mashlive.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.signin.SignInThrottle;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP security of the backend: HTTP Basic against {@link Accounts}, the rules of {@link ApiRules},
 * no sessions (a stateless API for machines and scripts), and no writes a browser page could forge
 * ({@link CrossSiteWrites}). Refusals answer {@code application/problem+json}: 401 without valid
 * credentials (with no Basic challenge a browser would remember), 403 naming the roles the request
 * needs.
 *
 * <p>{@code /actuator/health} and {@code /actuator/prometheus} are open: load balancers and
 * Prometheus call them without credentials, so operators keep the backend's HTTP port off the
 * internet or put the scrape behind their proxy's authentication.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ApiSecurity {

    /** Where a rule leaves the roles it wanted, for the refusal to name them. */
    static final String REQUIRED_ROLES = ApiSecurity.class.getName() + ".requiredRoles";

    /** Where a rule leaves the name of a provider's user whose token brought no role, for the refusal to say so. */
    static final String NO_MAPPED_ROLE = ApiSecurity.class.getName() + ".noMappedRole";

    @Bean
    IdentityProvider identityProvider(OidcProperties settings, SignInProperties users, java.time.Clock clock,
                                      PostgresEndpoint database) {
        var provider = IdentityProvider.of(settings, clock);
        LoggerFactory.getLogger(ApiSecurity.class).info(provider.describe(database.embedded(), users.users().size()));
        return provider;
    }

    @Bean
    Accounts accounts(SignInProperties settings, DemoProperties demo, PostgresEndpoint database,
                      IdentityProvider provider) {
        return new Accounts(settings, demo, database, provider.configured());
    }

    /**
     * How the audit trail and a referral's detail name people: the configured display names, and for
     * a person the identity provider signed in, the name their provider's token or user token gives.
     */
    @Bean
    org.mashlive.audit.DisplayNames displayNames(Accounts accounts, IdentityProvider provider) {
        return new org.mashlive.audit.DisplayNames() {
            @Override
            public java.util.Optional<String> of(String username) {
                return accounts.displayName(username);
            }

            @Override
            public java.util.Optional<String> of(Authentication signedIn) {
                if (signedIn.getDetails() instanceof UserTokens.Claims claims && claims.fromProvider()) {
                    return java.util.Optional.ofNullable(claims.displayName());
                }
                if (signedIn instanceof org.springframework.security.oauth2.server.resource.authentication
                        .JwtAuthenticationToken jwt) {
                    return provider.displayName(jwt.getToken());
                }
                return of(signedIn.getName());
            }
        };
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(Accounts accounts) {
        return accounts.userDetails();
    }

    /**
     * No observation of each security filter, sign-in and access decision: with them every request
     * started and stopped a dozen Micrometer observations, about a tenth of the backend's CPU per
     * intake, for meters nothing reads. Requests are still timed as a whole
     * ({@code http_server_requests}), and refused sign-ins are counted and audited by
     * {@link ThrottledSignIns}.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SignInThrottle signInThrottle(SignInThrottleProperties settings, java.time.Clock clock) {
        return new SignInThrottle(settings.settings(), clock);
    }

    /**
     * Name and password, for HTTP Basic and RSocket alike: throttled, then remembered for a few minutes
     * when right, then checked against BCrypt, with the same check for a name that is no user's.
     */
    @Bean
    ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService users, Accounts accounts,
                                                        java.time.Clock clock, SignInThrottle throttle,
                                                        AuditTrail audit, MeterRegistry meters) {
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        manager.setPasswordEncoder(accounts.encoder());
        var remembered = new RememberedSignIns(accounts.checkingStrangersToo(manager), java.time.Duration.ofMinutes(5),
                clock);
        return new ThrottledSignIns(remembered, throttle, audit, meters, clock);
    }

    @Bean
    SecurityWebFilterChain apiFilterChain(ServerHttpSecurity http, ReactiveAuthenticationManager authentication,
                                          IdentityProvider provider) {
        // No WWW-Authenticate: Basic challenge: a browser that sees one asks for a password and then
        // sends it with every request to this host, also those a page on another site makes it send.
        // Programs send HTTP Basic credentials without being asked.
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            if (e instanceof ThrottledSignIns.TooManySignIns throttled) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        String.valueOf(ThrottledSignIns.TooManySignIns.seconds(throttled.retryAfter())));
                return problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", e.getMessage());
            }
            return problem(exchange, HttpStatus.UNAUTHORIZED, "Sign in required",
                    "Send the credentials of a MASH Live user with HTTP Basic authentication "
                            + "(an Authorization: Basic header)" + (provider.configured()
                            ? " or an access token from " + provider.settings().issuerUri()
                                    + " (an Authorization: Bearer header)"
                            : ""));
        };
        // a bearer token that fails a check: 401 saying which, and again no challenge
        ServerAuthenticationEntryPoint badToken = (exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                "Bearer token refused", IdentityProvider.refusal(e));
        ServerAccessDeniedHandler denied = (exchange, e) -> {
            List<String> roles = exchange.getAttribute(REQUIRED_ROLES);
            String unmapped = exchange.getAttribute(NO_MAPPED_ROLE);
            if (unmapped != null && provider.configured()) {
                return problem(exchange, HttpStatus.FORBIDDEN, "No MASH Live role", provider.noMappedRole(unmapped));
            }
            String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
            return problem(exchange, HttpStatus.FORBIDDEN, "Not allowed", roles == null
                    ? request + " is not available"
                    : request + " requires one of " + String.join(", ", roles));
        };
        if (provider.configured()) {
            var jwtConverter = (org.springframework.core.convert.converter.Converter<
                    org.springframework.security.oauth2.jwt.Jwt,
                    Mono<org.springframework.security.authentication.AbstractAuthenticationToken>>)
                    jwt -> Mono.just(provider.person(jwt));
            http.oauth2ResourceServer(bearer -> bearer
                    .authenticationEntryPoint(badToken)
                    .accessDeniedHandler(denied)
                    .jwt(jwt -> jwt.jwtDecoder(provider.decoder()).jwtAuthenticationConverter(jwtConverter)));
        }
        return http
                // no session cookie to protect, but browsers may hold credentials: see CrossSiteWrites
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .addFilterAt(new CrossSiteWrites(), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(SignInDoors.rest(), SecurityWebFiltersOrder.HTTP_BASIC)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authenticationManager(authentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                            .permitAll();
                    for (var rule : ApiRules.RULES) {
                        exchanges.pathMatchers(rule.method(), rule.pattern()).access(anyOf(rule.roles()));
                    }
                    exchanges.anyExchange().access(nobody());
                })
                .build();
    }

    /** Allows callers holding any of {@code roles}; an anonymous caller is sent to sign in. */
    static ReactiveAuthorizationManager<AuthorizationContext> anyOf(List<String> roles) {
        var authorities = roles.stream().map(role -> "ROLE_" + role).toList();
        return new ReactiveAuthorizationManager<>() {
            @Override
            public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication,
                                                       AuthorizationContext context) {
                context.getExchange().getAttributes().put(REQUIRED_ROLES, roles);
                return authentication
                        .filter(caller -> caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken))
                        .doOnNext(caller -> {
                            if (IdentityProvider.withoutMappedRole(caller)) {
                                context.getExchange().getAttributes().put(NO_MAPPED_ROLE, caller.getName());
                            }
                        })
                        .map(caller -> (AuthorizationResult) new AuthorizationDecision(caller.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority).anyMatch(authorities::contains)))
                        .defaultIfEmpty(new AuthorizationDecision(false));
            }
        };
    }

    private static ReactiveAuthorizationManager<AuthorizationContext> nobody() {
        return (authentication, context) -> Mono.just(new AuthorizationDecision(false));
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        byte[] json = JsonMapper.shared().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A refused request's body is never read. Left on a kept-alive connection, it can stall the
        // client's next request on that connection until the client gives up: close it instead.
        response.getHeaders().setConnection("close");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }
}
