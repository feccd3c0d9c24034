package org.mashlive.wallboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mashlive.board.api.Access;
import org.mashlive.signin.EqualTime;
import org.mashlive.signin.SignInThrottle;
import org.mashlive.wallboard.shell.Pages;
import org.mashlive.wallboard.shell.SignInChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import java.time.Clock;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Who may see which wall-board page. People sign in at {@code /login} (a page written on the server,
 * {@code shell.LoginPage}) against the configured users, or the demo's, or through the council's
 * identity provider ({@link ProviderSignIn}); kiosk screens sign in with a
 * token ({@link KioskFilter}) and reach the board only. A person's sign-in also asks the backend for a
 * user token ({@link BackendSignIn}).
 *
 * <p>Here: {@code /board} (and the root) for BOARD and every person; the other views' pages, and
 * anything else, for people only, so a kiosk is refused them with 403 and the app's error page. Which
 * person may open which view is decided once, by the views' {@code @RolesAllowed}, which Vaadin checks
 * on every navigation, on the first request and inside the app alike, and answers with the app's "not
 * allowed" page ({@code shell.NotAllowedView}) naming the roles needed.
 *
 * <p>Sign-in at {@code /login} is throttled ({@link ThrottledLogin}) and needs Spring's CSRF token, which
 * the login page carries; every answer has a Content-Security-Policy. See
 * docs/decisions/0012-cross-site-and-sign-in-throttling.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WallboardSecurity {

    private static final Logger log = LoggerFactory.getLogger(WallboardSecurity.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    /**
     * What the wall-board's pages may load and run: only what they serve themselves. Vaadin Flow needs
     * inline styles (its themes and components set them), inline scripts (the first page carries the
     * app's start) and eval (the server's JavaScript calls are run as functions); push uses a
     * WebSocket back to the same host. No other site may frame a page or receive a form from one.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            // the board's chime is a WAV made by the board and sent as a data address
            + "media-src 'self' data:; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Whether this wall-board is the demo. */
    record Demo(boolean on) {
    }

    @Bean
    Demo demo(SignInSettings.Demo settings, BackendProperties backend, Environment environment) {
        if (settings.enabled() != null) {
            return new Demo(settings.enabled());
        }
        // the same signal as the backend's (no database configured), and a backend on this machine: a
        // wall-board pointed at another host is a real deployment until told otherwise
        return new Demo(!StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))
                && LOCAL_HOSTS.contains(backend.host()));
    }

    @Bean
    BackendCredentials backendCredentials(BackendProperties backend, Demo demo) {
        var credentials = BackendCredentials.of(backend, demo.on());
        log.info("The board connection signs in to the backend with {}", credentials.describe());
        return credentials;
    }

    @Bean
    KioskTokens kioskTokens(SignInSettings.Kiosk settings, Demo demo, KioskLookup backend, Clock clock) {
        return new KioskTokens(settings, demo.on(), backend, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        var delegating = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return delegating;
    }

    @Bean
    KnownUsers users(SignInSettings.Users settings, SignInSettings.Demo demoSettings, Demo demo,
                     SignInSettings.Provider provider) {
        var users = new LinkedHashMap<String, UserDetails>();
        if (demo.on()) {
            // the demo password is public, so a cheap hash costs nothing and keeps one code path
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(demoSettings.password());
            Access.DEMO_USERS.forEach((name, roles) -> users.put(name, user(name, hash, roles)));
            log.info("Demo sign-in: users {} with the demo password", Access.DEMO_USERS.keySet());
        } else if (settings.users().isEmpty() && !provider.configured()) {
            throw new IllegalStateException("No way to sign in to the wall-board is configured: set "
                    + "mash.security.oidc.issuer-uri and mash.security.oidc.client-id (the council's identity provider), "
                    + "or mash.security.users[0].username, mash.security.users[0].password-hash (a BCrypt hash) and "
                    + "mash.security.users[0].roles (any of " + String.join(", ", roles()) + "), "
                    + "or mash.demo.enabled=true for the demo");
        }
        for (int i = 0; i < settings.users().size(); i++) {
            var account = settings.users().get(i);
            users.put(account.username(), user(i, account));
        }
        return new KnownUsers(users.values());
    }

    /**
     * The council's identity provider's sign-in, when one is configured; checked here, so that a
     * wrong setting stops the start rather than a person's sign-in.
     */
    @Bean
    ProviderSignIns providerSignIn(SignInSettings.Provider settings, DutyBackend backend, Clock clock) {
        return new ProviderSignIns(settings.configured() ? new ProviderSignIn(settings, backend, clock) : null);
    }

    /** The provider's sign-in, or none. */
    record ProviderSignIns(ProviderSignIn provider) {
    }

    /** What the login page offers; and the start-up line that says which sign-in is active. */
    @Bean
    SignInChoices signInChoices(ProviderSignIns oidc, KnownUsers users, SignInSettings.Users configured, Demo demo) {
        var choices = new SignInChoices(oidc.provider() == null ? null : oidc.provider().name(), !users.hashes().isEmpty());
        log.info("Wall-board sign-in: {}; {} configured user(s); demo users {}; kiosk tokens on the board",
                oidc.provider() == null ? "no identity provider (mash.security.oidc.issuer-uri is not set)"
                        : oidc.provider().describe(),
                configured.users().size(), demo.on() ? "on" : "off");
        return choices;
    }

    /** The people who may sign in here, and the hashes of their passwords, for {@link StandInCost}. */
    static final class KnownUsers extends InMemoryUserDetailsManager {

        private final List<String> hashes;

        KnownUsers(java.util.Collection<UserDetails> users) {
            super(users);
            this.hashes = users.stream().map(UserDetails::getPassword).toList();
        }

        List<String> hashes() {
            return hashes;
        }
    }

    @Bean
    SecurityFilterChain wallboardFilterChain(HttpSecurity http, KioskTokens kiosks,
                                             ObjectProvider<SecurityContextHolderStrategy> contexts,
                                             KnownUsers users, PasswordEncoder passwords,
                                             DutyBackend backend, Clock clock, RequestUtil vaadinRequests,
                                             SignInSettings.Throttle throttling, ObjectProvider<MeterRegistry> meters,
                                             ProviderSignIns oidc,
                                             SignInSettings.Kiosk kioskSettings,
                                             org.mashlive.wallboard.shell.ShellSettings shell)
            throws Exception {
        var strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        // a person is signed in only when the backend also accepts them and gives a user token; set on
        // this chain alone, so no global manager can sign anyone in with the local check only
        var local = new DaoAuthenticationProvider(users);
        // an unknown name is checked against a stand-in hash of the users' own cost, so that it takes as
        // long to refuse as a known user's wrong password
        local.setPasswordEncoder(new StandInCost(passwords, EqualTime.standInHash(users.hashes())));
        var throttle = new SignInThrottle(new SignInThrottle.Settings(throttling.failures(), throttling.window()), clock);
        var withPassword = new ThrottledLogin(new BackendSignIn(local, backend, clock), throttle,
                meters.getIfAvailable(SimpleMeterRegistry::new));
        http.authenticationManager(oidc.provider() == null ? new ProviderManager(withPassword)
                : new ProviderManager(withPassword, oidc.provider().authenticationProvider()));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(WallboardSecurity::isBoardPage).hasAnyRole(Access.BOARD_READERS.toArray(String[]::new))
                // the other views for people only, here, before Vaadin's rules let any route through to its
                // own check: a kiosk token is refused them at the door
                .requestMatchers(otherPages()).hasAnyRole(Access.PEOPLE.toArray(String[]::new))
                // the error page shows the status a refusal already decided
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**", "/error",
                        org.mashlive.wallboard.shell.KioskRevokedPage.PATH).permitAll()
                // the login page with any query: Spring permits only the exact "?error" and Vaadin's
                // sign-out lands on "?logout", which would otherwise be sent on to the bare page
                .requestMatchers(HttpMethod.GET, "/login", SignInChoices.REFUSED).permitAll());
        http.addFilterBefore(new KioskFilter(kiosks, strategy, kioskSettings.cookieLifetime(),
                shell.hubName()), AnonymousAuthenticationFilter.class);
        // Vaadin's own requests carry Vaadin's CSRF token; everything else, the POST to /login
        // included, needs Spring's. Vaadin would leave the login page out, so a page on another site
        // could sign a browser in as someone of its choosing: Vaadin's CSRF rules are replaced here.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        if (oidc.provider() != null) {
            oidc.provider().configure(http);
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.enableCsrfConfiguration(false)
                    .loginView("/login", ProviderSignIn.SIGNED_OUT)
                    .anyRequest(any -> any.hasAnyRole(Access.PEOPLE.toArray(String[]::new)));
            if (oidc.provider() != null) {
                // sign-out ends the provider's session too
                vaadin.logoutSuccessHandler(oidc.provider().signOut());
            }
        });
        return http.build();
    }

    private static String[] otherPages() {
        return java.util.Arrays.stream(Pages.values()).filter(page -> page != Pages.BOARD)
                .flatMap(page -> java.util.stream.Stream.of("/" + page.path(), "/" + page.path() + "/**"))
                .toArray(String[]::new);
    }

    /**
     * The {@link #CONTENT_SECURITY_POLICY} on every answer. A servlet filter ahead of Spring Security
     * and Vaadin, so that the files Vaadin leaves out of security and the error pages carry it too.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> contentSecurityPolicy() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The board's page, at {@code /board} or the root. Vaadin's own requests also go to the root (with
     * {@code v-r=…}); they are left to Vaadin's rules, which let them through to its view checks.
     */
    static boolean isBoardPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return path.equals("/board") || path.equals("/") && (query == null || !query.matches("(.*&)?v-r=.*"));
    }

    /**
     * A screen whose session has ended reloads its page instead of waiting for a click on a "session
     * expired" note: a kiosk signs in again from its token, a person lands on the login page.
     */
    @Bean
    VaadinServiceInitListener reloadWhenTheSessionEnds() {
        return event -> event.getSource().setSystemMessagesProvider(info -> {
            var messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            return messages;
        });
    }

    /**
     * The wall-board's password encoder, but giving as the stand-in hash Spring Security checks unknown
     * names against one of the cost most users' hashes have (the demo's are cheap, real ones dear).
     */
    private record StandInCost(PasswordEncoder passwords, String standIn) implements PasswordEncoder {

        /** Called by Spring Security for the stand-in hash only: this one, of the users' usual cost. */
        @Override
        public String encode(CharSequence raw) {
            return standIn;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return passwords.matches(raw, encoded);
        }
    }

    private static List<String> roles() {
        var roles = new ArrayList<>(Access.PEOPLE);
        roles.add(Access.INTAKE);
        roles.add(Access.BOARD);
        return roles;
    }

    private static UserDetails user(int index, SignInSettings.Account account) {
        String at = "mash.security.users[" + index + "]";
        if (!StringUtils.hasText(account.username())) {
            throw new IllegalStateException(at + ".username is not set");
        }
        String hash = account.passwordHash();
        if (!StringUtils.hasText(hash) || !(hash.startsWith("{") || hash.startsWith("$2"))) {
            throw new IllegalStateException(at + ".password-hash must be a BCrypt hash like $2a$10$… "
                    + "(the password itself is never configured)");
        }
        for (String role : account.roles()) {
            if (!roles().contains(role)) {
                throw new IllegalStateException(at + ".roles has '" + role + "'; roles are " + String.join(", ", roles()));
            }
        }
        if (account.roles().isEmpty()) {
            throw new IllegalStateException(at + ".roles is empty; give any of " + String.join(", ", roles()));
        }
        return user(account.username(), hash.startsWith("{") ? hash : "{bcrypt}" + hash, account.roles());
    }

    private static UserDetails user(String name, String hash, List<String> roles) {
        return User.withUsername(name).password(hash).roles(roles.toArray(String[]::new)).build();
    }
}
