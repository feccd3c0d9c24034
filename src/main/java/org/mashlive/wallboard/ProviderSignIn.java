package org.mashlive.wallboard;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.UserToken;
import org.mashlive.wallboard.shell.SignInChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.util.StringUtils;

/**
 * Signing people in to the wall-board through the council's identity provider: OpenID Connect's
 * authorization code flow with PKCE, by Spring Security's OAuth2 client. The provider's access token
 * is then swapped at the backend for a user token ({@link DutyBackend#signInWithProvider}), as a
 * password is at the login form ({@link BackendSignIn}): the backend checks the token and maps the
 * provider's roles claim to MASH Live's roles, with the one mapping it also uses for bearer tokens,
 * and the person is signed in only when it gives a user token. Their roles here are the user token's.
 *
 * <p>A person the backend refuses (no mapped role, or a token it does not accept) is sent to a page
 * that says so ({@link SignInChoices#REFUSED}), not back to the provider, which would sign them in
 * again at once. Sign-out also ends the provider's session (RP-initiated logout) and comes back to
 * the login page. See docs/decisions/0027-wall-board-sign-in-through-the-identity-provider.md.
 */
final class ProviderSignIn {

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    /** Where a sign-out lands, after the provider's end-session page when there was one. */
    static final String SIGNED_OUT = "/login?logout";

    private final SignInSettings.Provider settings;
    private final ClientRegistrationRepository registrations;
    private final OidcUserService checks = new OidcUserService();
    private final DutyBackend backend;
    private final Clock clock;

    ProviderSignIn(SignInSettings.Provider settings, DutyBackend backend, Clock clock) {
        String at = "mash.security.oidc";
        if (!StringUtils.hasText(settings.clientId())) {
            throw new IllegalStateException(at + ".client-id is not set: with " + at + ".issuer-uri set, people sign "
                    + "in to the wall-board through the identity provider, as the client registered there for it");
        }
        if (!settings.scopes().contains("openid")) {
            throw new IllegalStateException(at + ".scopes must include openid; they are " + settings.scopes());
        }
        this.settings = settings;
        this.registrations = new FoundAtFirstUse(settings);
        this.backend = backend;
        this.clock = clock;
    }

    String name() {
        return settings.name();
    }

    String describe() {
        return "the identity provider " + settings.issuerUri() + " (client " + settings.clientId() + ", scopes "
                + String.join(" ", settings.scopes()) + ")";
    }

    /**
     * The provider's sign-in on {@code http}: its login page is the wall-board's own. The chain's
     * authentication manager is set by hand ({@link WallboardSecurity}), so it is given
     * {@link #authenticationProvider()} as well.
     */
    void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::signIn))
                .failureHandler(refusal()));
    }

    /** Swaps the provider's code for its tokens, checks the ID token, then signs the person in ({@link #signIn}). */
    AuthenticationProvider authenticationProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                this::signIn);
    }

    /**
     * The sign-out: at the provider's end-session endpoint for a person it signed in, with the way
     * back to the login page; for anyone else straight to the login page. Vaadin's redirect, so that a
     * click in the app leaves it.
     */
    LogoutSuccessHandler signOut() {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        handler.setDefaultTargetUrl(SIGNED_OUT);
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        return handler;
    }

    /**
     * The person the provider signed in, once the backend has given them a user token: Spring's
     * check of the ID token first (signature, issuer, audience, nonce), then the backend's of the
     * access token.
     */
    private OidcUser signIn(OidcUserRequest request) {
        OidcUser checked = checks.loadUser(request);
        String who = StringUtils.hasText(checked.getFullName()) ? checked.getFullName()
                : StringUtils.hasText(checked.getPreferredUsername()) ? checked.getPreferredUsername()
                : checked.getSubject();
        UserToken token;
        try {
            token = backend.signInWithProvider(request.getAccessToken().getTokenValue());
        } catch (DutyException e) {
            if (e.kind() == DutyException.Kind.UNREACHABLE) {
                throw refused("backend_unreachable", "Not signed in",
                        "The backend did not answer, so MASH Live cannot check your roles. Try again in a moment.");
            }
            // the backend's refusal of a valid token whose roles claim maps to no person's role: the
            // route's "requires one of" (the token's own faults are worded "The bearer token was refused")
            if (e.getMessage() != null && e.getMessage().contains("requires one of")) {
                log.info("{} signed in with the identity provider but holds no MASH Live role", who);
                throw refused("no_mapped_role", "No MASH Live role", who + " signed in with " + settings.name()
                        + ", but that account holds no MASH Live role, so MASH Live cannot let you in. Ask the "
                        + "council's identity administrator to add you to a MASH Live group, then sign in again.");
            }
            log.warn("The backend refused the identity provider's token of {}: {}", who, e.getMessage());
            throw refused("refused_by_backend", "Not signed in",
                    "MASH Live did not accept the sign-in from " + settings.name() + ": " + e.getMessage());
        }
        List<GrantedAuthority> roles = token.roles().stream().filter(Access.PEOPLE::contains)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new Person(roles, checked.getIdToken(), checked.getUserInfo(),
                new ActingUser(token, clock.instant()), who);
    }

    private static Refused refused(String code, String title, String reason) {
        return new Refused(code, title, reason);
    }

    /** A sign-in the provider completed but MASH Live refuses, with what the refusal page says. */
    private static final class Refused extends OAuth2AuthenticationException {

        private final String title;

        Refused(String code, String title, String reason) {
            super(new OAuth2Error(code, reason, null), reason);
            this.title = title;
        }
    }

    /** To the refusal page, with the reason in the session: never back to the provider, which would loop. */
    private AuthenticationFailureHandler refusal() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                -> refuse(request, response, exception);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String title = "Not signed in";
        String reason = "The sign-in with " + settings.name() + " did not complete. Try again.";
        if (exception instanceof Refused refused) {
            title = refused.title;
            reason = refused.getError().getDescription();
        } else if (exception instanceof OAuth2AuthenticationException failed) {
            // from the provider or Spring's checks: a cancelled sign-in, a stale or forged answer
            log.info("Sign-in with the identity provider failed: {}", exception.toString());
            String description = failed.getError().getDescription();
            reason += " (" + failed.getError().getErrorCode()
                    + (StringUtils.hasText(description) ? ": " + description : "") + ")";
        } else {
            log.warn("Sign-in with the identity provider failed", exception);
        }
        var session = request.getSession();
        session.setAttribute(SignInChoices.REFUSAL_TITLE, title);
        session.setAttribute(SignInChoices.REFUSAL, reason);
        response.sendRedirect(request.getContextPath() + SignInChoices.REFUSED);
    }

    /**
     * A person the provider signed in: the provider's ID token and, as with a password, the backend's
     * user token to act for them ({@link ActingUser#current()}). Named by the name the provider gives.
     */
    static final class Person extends DefaultOidcUser {

        private final ActingUser acting;
        private final String displayName;

        Person(Collection<? extends GrantedAuthority> roles, OidcIdToken idToken, OidcUserInfo userInfo,
               ActingUser acting, String displayName) {
            super(roles, idToken, userInfo);
            this.acting = acting;
            this.displayName = displayName;
        }

        ActingUser acting() {
            return acting;
        }

        @Override
        public String getName() {
            return displayName;
        }
    }

    /**
     * The provider's registration, found from its discovery document at the first sign-in rather than
     * at start-up, so that the wall-board starts (and its kiosks show the board) while the provider is
     * unreachable; a failed look-up is tried again at the next sign-in.
     */
    private static final class FoundAtFirstUse implements ClientRegistrationRepository {

        private final SignInSettings.Provider settings;
        private volatile ClientRegistration found;

        FoundAtFirstUse(SignInSettings.Provider settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!SignInChoices.REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration registration = found;
            if (registration == null) {
                synchronized (this) {
                    if (found == null) {
                        found = lookUp();
                    }
                    registration = found;
                }
            }
            return registration;
        }

        private ClientRegistration lookUp() {
            try {
                boolean confidential = StringUtils.hasText(settings.clientSecret());
                return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                        .registrationId(SignInChoices.REGISTRATION_ID)
                        .clientName(settings.name())
                        .clientId(settings.clientId())
                        .clientSecret(confidential ? settings.clientSecret() : null)
                        .clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                                : ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(settings.scopes())
                        // PKCE for a confidential client too: a stolen code is useless without the verifier
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build();
            } catch (RuntimeException e) {
                log.warn("The identity provider {} could not be reached for its sign-in settings: {}",
                        settings.issuerUri(), e.toString());
                throw new IllegalStateException("The identity provider " + settings.issuerUri()
                        + " could not be reached; try again in a moment", e);
            }
        }
    }
}
