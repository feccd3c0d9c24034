package org.mashlive.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.Access;
import org.mashlive.platform.PostgresEndpoint;
import org.mashlive.signin.EqualTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The backend's users and board tokens: those configured, plus, on the embedded demo database only,
 * the demo users and the demo board token. Built once at start-up; a deployment on an external
 * database without users does not start.
 */
final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** The demo users' display names: made-up people of the demo hub. */
    static final Map<String, String> DEMO_NAMES = Map.of(
            "hub.manager", "Priya Shah", "duty.lead", "Sam Okafor", "duty.lead2", "Jo Walsh",
            "service.head", "Alex Morgan", "admin", "Chris Lee", "intake.client", "Partner intake (demo)");

    private final Map<String, UserDetails> users;
    private final Map<String, String> displayNames;
    private final List<byte[]> boardTokens;
    private final PasswordEncoder encoder;
    private final String standInHash;

    Accounts(SignInProperties settings, DemoProperties demo, PostgresEndpoint database) {
        this(settings, demo, database, false);
    }

    /**
     * With {@code identityProvider}, people may sign in through the council's provider only, so an
     * external database needs no configured user.
     */
    Accounts(SignInProperties settings, DemoProperties demo, PostgresEndpoint database, boolean identityProvider) {
        this.encoder = passwordEncoder();
        var all = new LinkedHashMap<String, UserDetails>();
        var tokens = new ArrayList<String>(settings.boardTokens());
        var names = new LinkedHashMap<String, String>();
        if (database.embedded()) {
            // the demo password is public, so a cheap hash costs nothing and keeps one code path
            var demoHash = new BCryptPasswordEncoder(4).encode(demo.password());
            Access.DEMO_USERS.forEach((name, roles) -> all.put(name, user(name, "{bcrypt}" + demoHash, roles)));
            tokens.add(Access.DEMO_BOARD_TOKEN);
            names.putAll(DEMO_NAMES);
            log.info("Demo sign-in on the embedded database: users {} with the demo password", Access.DEMO_USERS.keySet());
        } else if (settings.users().isEmpty() && !identityProvider) {
            throw new IllegalStateException("No users are configured: set mash.security.oidc.issuer-uri (the "
                    + "council's identity provider), or mash.security.users[0].username, "
                    + "mash.security.users[0].password-hash (a BCrypt hash) and mash.security.users[0].roles "
                    + "(any of " + String.join(", ", roles()) + ") when MASH Live uses an external database");
        }
        for (int i = 0; i < settings.users().size(); i++) {
            var account = settings.users().get(i);
            all.put(account.username(), user(i, account));
            if (StringUtils.hasText(account.displayName())) {
                names.put(account.username(), account.displayName().strip());
            } else {
                names.remove(account.username());
            }
        }
        this.displayNames = Map.copyOf(names);
        if (StringUtils.hasText(settings.inProcessBoardToken())) {
            tokens.add(settings.inProcessBoardToken());
        }
        this.users = Map.copyOf(all);
        this.standInHash = EqualTime.standInHash(users.values().stream().map(UserDetails::getPassword).toList());
        this.boardTokens = tokens.stream().filter(StringUtils::hasText)
                .map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Checks passwords against BCrypt hashes given with or without the {@code {bcrypt}} prefix. */
    static PasswordEncoder passwordEncoder() {
        var delegating = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return delegating;
    }

    PasswordEncoder encoder() {
        return encoder;
    }

    /**
     * {@code known}, which checks users' passwords, with the same BCrypt check for a name that is no
     * user's: otherwise the refusal of an unknown name comes back sooner and tells that it is unknown.
     */
    ReactiveAuthenticationManager checkingStrangersToo(ReactiveAuthenticationManager known) {
        return attempt -> {
            if (attempt instanceof UsernamePasswordAuthenticationToken && !users.containsKey(attempt.getName())
                    && attempt.getCredentials() instanceof String password) {
                return Mono.fromCallable(() -> encoder.matches(password, standInHash))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.error(new BadCredentialsException("Invalid Credentials")));
            }
            return known.authenticate(attempt);
        };
    }

    MapReactiveUserDetailsService userDetails() {
        return new MapReactiveUserDetailsService(users.values().toArray(UserDetails[]::new));
    }

    /** The user of this name as configured now, or empty. */
    java.util.Optional<UserDetails> user(String username) {
        return java.util.Optional.ofNullable(users.get(username));
    }

    /** The configured display name of {@code username}, if any. */
    java.util.Optional<String> displayName(String username) {
        return java.util.Optional.ofNullable(username == null ? null : displayNames.get(username));
    }

    /** Whether {@code token} is a board token; compared in constant time. */
    boolean isBoardToken(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] known : boardTokens) {
            found |= MessageDigest.isEqual(known, given);
        }
        return found;
    }

    private static List<String> roles() {
        var roles = new ArrayList<>(Access.PEOPLE);
        roles.add(Access.INTAKE);
        roles.add(Access.BOARD);
        return roles;
    }

    private static UserDetails user(int index, SignInProperties.Account account) {
        String at = "mash.security.users[" + index + "]";
        if (!StringUtils.hasText(account.username())) {
            throw new IllegalStateException(at + ".username is not set");
        }
        String hash = account.passwordHash();
        if (!StringUtils.hasText(hash) || !(hash.startsWith("{") || hash.startsWith("$2"))) {
            throw new IllegalStateException(at + ".password-hash must be a BCrypt hash like $2a$10$… "
                    + "(the password itself is never configured)");
        }
        if (account.roles().isEmpty()) {
            throw new IllegalStateException(at + ".roles is empty; give any of " + String.join(", ", roles()));
        }
        for (String role : account.roles()) {
            if (!roles().contains(role)) {
                throw new IllegalStateException(at + ".roles has '" + role + "'; roles are "
                        + String.join(", ", roles()));
            }
        }
        return user(account.username(), hash.startsWith("{") ? hash : "{bcrypt}" + hash, account.roles());
    }

    private static UserDetails user(String name, String hash, List<String> roles) {
        return User.withUsername(name).password(hash).roles(roles.toArray(String[]::new)).build();
    }
}
