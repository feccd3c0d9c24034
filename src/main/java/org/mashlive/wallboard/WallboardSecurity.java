package org.mashlive.wallboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.mashlive.board.api.Access;
import org.mashlive.wallboard.shell.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import java.time.Clock;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.util.StringUtils;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Who may see which wall-board page. People sign in at {@code /login} (a page written on the server,
 * {@code shell.LoginPage}) against the configured users, or the demo's; kiosk screens sign in with a
 * token ({@link KioskFilter}) and reach the board only. A person's sign-in also asks the backend for a
 * user token ({@link BackendSignIn}).
 *
 * <p>Here: {@code /board} (and the root) for BOARD and every person; the other views' pages, and
 * anything else, for people only, so a kiosk is refused them with 403 and the app's error page. Which
 * person may open which view is decided once, by the views' {@code @RolesAllowed}, which Vaadin checks
 * on every navigation, on the first request and inside the app alike, and answers with the app's "not
 * allowed" page ({@code shell.NotAllowedView}) naming the roles needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class WallboardSecurity {

    private static final Logger log = LoggerFactory.getLogger(WallboardSecurity.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

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
    KioskTokens kioskTokens(SignInSettings.Kiosk settings, Demo demo) {
        return new KioskTokens(settings, demo.on());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        var delegating = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return delegating;
    }

    @Bean
    UserDetailsService users(SignInSettings.Users settings, SignInSettings.Demo demoSettings, Demo demo) {
        var users = new LinkedHashMap<String, UserDetails>();
        if (demo.on()) {
            // the demo password is public, so a cheap hash costs nothing and keeps one code path
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(demoSettings.password());
            Access.DEMO_USERS.forEach((name, roles) -> users.put(name, user(name, hash, roles)));
            log.info("Demo sign-in: users {} with the demo password", Access.DEMO_USERS.keySet());
        } else if (settings.users().isEmpty()) {
            throw new IllegalStateException("No users are configured for the wall-board: set "
                    + "mash.security.users[0].username, mash.security.users[0].password-hash (a BCrypt hash) and "
                    + "mash.security.users[0].roles (any of " + String.join(", ", roles()) + "), "
                    + "or mash.demo.enabled=true for the demo");
        }
        for (int i = 0; i < settings.users().size(); i++) {
            var account = settings.users().get(i);
            users.put(account.username(), user(i, account));
        }
        return new InMemoryUserDetailsManager(users.values());
    }

    @Bean
    SecurityFilterChain wallboardFilterChain(HttpSecurity http, KioskTokens kiosks,
                                             ObjectProvider<SecurityContextHolderStrategy> contexts,
                                             UserDetailsService users, PasswordEncoder passwords,
                                             DutyBackend backend, Clock clock) throws Exception {
        var strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        // a person is signed in only when the backend also accepts them and gives a user token; set on
        // this chain alone, so no global manager can sign anyone in with the local check only
        var local = new DaoAuthenticationProvider(users);
        local.setPasswordEncoder(passwords);
        http.authenticationManager(new ProviderManager(new BackendSignIn(local, backend, clock)));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(WallboardSecurity::isBoardPage).hasAnyRole(Access.BOARD_READERS.toArray(String[]::new))
                // the other views for people only, here, before Vaadin's rules let any route through to its
                // own check: a kiosk token is refused them at the door
                .requestMatchers(otherPages()).hasAnyRole(Access.PEOPLE.toArray(String[]::new))
                // the error page shows the status a refusal already decided
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**", "/error").permitAll());
        http.addFilterBefore(new KioskFilter(kiosks, strategy), AnonymousAuthenticationFilter.class);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView("/login", "/login?logout")
                .anyRequest(any -> any.hasAnyRole(Access.PEOPLE.toArray(String[]::new))));
        return http.build();
    }

    private static String[] otherPages() {
        return java.util.Arrays.stream(Pages.values()).filter(page -> page != Pages.BOARD)
                .flatMap(page -> java.util.stream.Stream.of("/" + page.path(), "/" + page.path() + "/**"))
                .toArray(String[]::new);
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
