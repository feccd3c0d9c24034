package org.mashlive.security;

import java.util.List;

import java.time.Clock;

import org.mashlive.allocation.api.AllocationRoutes;
import org.mashlive.board.api.Access;
import org.mashlive.quality.api.QualityRoutes;
import org.mashlive.partner.api.PartnerRoutes;
import org.mashlive.kiosk.api.KioskRoutes;
import org.mashlive.referral.api.ReferralRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.capacity.api.CapacityRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.rsocket.authentication.AuthenticationPayloadInterceptor;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;
import org.springframework.security.rsocket.util.matcher.PayloadExchangeAuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * RSocket security of the backend. Boot installs the interceptor built here on its TCP server; the
 * WebSocket route applies the same server customizers, so both transports check the same way.
 *
 * <p>Credentials ({@link RSocketCredentials}) may come with SETUP, for the whole connection, or with
 * each request; bearer credentials are a board token, a user token ({@link UserTokens}) or, when one is
 * configured, an access token (a JWT) from the council's identity provider ({@link IdentityProvider}). The board
 * routes need any of {@link Access#BOARD_READERS}; a user token ({@link Access#TOKEN_ROUTE}) and the
 * candidates need a person; a child's detail, allocating and screening need {@link Access#DUTY_LEADS}; anything
 * else is refused.
 * A refusal is an error frame whose message says what is missing.
 */
@Configuration(proxyBeanMethods = false)
@EnableRSocketSecurity
class RSocketSecurityConfiguration {

    private static final List<String> QA_GRADERS = List.of(Access.HUB_MANAGER, Access.ADMIN);
    private static final List<String> ESCALATORS = List.of(Access.HUB_MANAGER, Access.DUTY_LEAD, Access.ADMIN);
    private static final List<String> ESCALATION_READERS = List.of(Access.HUB_MANAGER, Access.DUTY_LEAD,
            Access.SERVICE_HEAD, Access.ADMIN);

    private static final Logger log = LoggerFactory.getLogger(RSocketSecurityConfiguration.class);

    @Bean
    UserTokens userTokens(UserTokenProperties settings, Clock clock) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            log.info("User tokens are signed with a key made up for this start: set mash.security.user-tokens.secret "
                    + "so that they survive a restart and every backend instance accepts them");
        }
        return UserTokens.of(settings, clock);
    }

    @Bean
    PayloadSocketAcceptorInterceptor rsocketInterceptor(RSocketSecurity rsocket, ReactiveAuthenticationManager users,
                                                    Clock clock,
                                                    Accounts accounts, UserTokens tokens, IdentityProvider provider) {
        ReactiveAuthenticationManager fromProvider = provider.configured() ? provider.authenticationManager() : null;
        ReactiveAuthenticationManager credentials = authentication -> {
            if (authentication instanceof BoardToken token) {
                String value = (String) token.getCredentials();
                if (UserTokens.looksLikeUserToken(value)) {
                    return Mono.fromCallable(() -> person(accounts, provider, tokens.verify(value)));
                }
                if (fromProvider != null && IdentityProvider.looksLikeJwt(value)) {
                    return fromProvider.authenticate(new BearerTokenAuthenticationToken(value));
                }
                return accounts.isBoardToken(value)
                        ? Mono.just(token.checked())
                        : Mono.error(new BadCredentialsException("Unknown board token"));
            }
            return users.authenticate(authentication);
        };
        var authenticate = new AuthenticationPayloadInterceptor(credentials);
        authenticate.setAuthenticationConverter(new RSocketCredentials());
        authenticate.setOrder(PayloadInterceptorOrder.AUTHENTICATION.getOrder());
        // the door and the connection's address go with every sign-in, for its throttle
        return SignInDoors.rsocket(rsocket
                .addPayloadInterceptor(authenticate)
                .addPayloadInterceptor(new ExpiredUserTokens(tokens, clock))
                .anonymous(Customizer.withDefaults())
                .authorizePayload(payloads -> payloads
                        .setup().permitAll()
                        .route(BoardRoutes.SNAPSHOT).access(anyOf(BoardRoutes.SNAPSHOT, Access.BOARD_READERS))
                        .route(BoardRoutes.STREAM).access(anyOf(BoardRoutes.STREAM, Access.BOARD_READERS))
                        // aggregate figures only, as the board's capacity tile shows them
                        .route(CapacityRoutes.SUMMARY).access(anyOf(CapacityRoutes.SUMMARY, Access.BOARD_READERS))
                        // exact figures for a period, as the REST API gives them: service heads and admins
                        .route(CapacityRoutes.FRONT_DOOR_REPORT).access(anyOf(CapacityRoutes.FRONT_DOOR_REPORT,
                                java.util.List.of(Access.SERVICE_HEAD, Access.ADMIN)))
                        // acting for a person: people only, never a board or kiosk token
                        .route(Access.TOKEN_ROUTE).access(anyOf(Access.TOKEN_ROUTE, Access.PEOPLE))
                        .route(AllocationRoutes.CANDIDATES).access(anyOf(AllocationRoutes.CANDIDATES, Access.PEOPLE))
                        .route(AllocationRoutes.ALLOCATE).access(anyOf(AllocationRoutes.ALLOCATE, Access.DUTY_LEADS))
                        .route(ReferralRoutes.DETAIL).access(anyOf(ReferralRoutes.DETAIL, Access.DUTY_LEADS))
                        .route(ReferralRoutes.INTAKE).access(anyOf(ReferralRoutes.INTAKE, Access.INTAKERS))
                        // screening as the REST API allows it: duty leads and admins
                        .route(ReferralRoutes.RATE).access(anyOf(ReferralRoutes.RATE, Access.DUTY_LEADS))
                        .route(ReferralRoutes.STAGE).access(anyOf(ReferralRoutes.STAGE, Access.DUTY_LEADS))
                        .route(ReferralRoutes.DECIDE).access(anyOf(ReferralRoutes.DECIDE, Access.DUTY_LEADS))
                        .route(ReferralRoutes.POLICE_CHECK).access(anyOf(ReferralRoutes.POLICE_CHECK, Access.DUTY_LEADS))
                        .route(ReferralRoutes.FLAGS).access(anyOf(ReferralRoutes.FLAGS, Access.DUTY_LEADS))
                        // management oversight, and the rationales it reads: duty leads and admins
                        .route(ReferralRoutes.SIGN_OFF).access(anyOf(ReferralRoutes.SIGN_OFF, Access.DUTY_LEADS))
                        .route(ReferralRoutes.RETURN).access(anyOf(ReferralRoutes.RETURN, Access.DUTY_LEADS))
                        .route(ReferralRoutes.AWAITING_SIGN_OFF)
                        .access(anyOf(ReferralRoutes.AWAITING_SIGN_OFF, Access.DUTY_LEADS))
                        .route(ReferralRoutes.THRESHOLDS).access(anyOf(ReferralRoutes.THRESHOLDS, Access.DUTY_LEADS))
                        // quality assurance: hub managers draw and grade; every person reads their own feedback
                        .route(QualityRoutes.DRAW).access(anyOf(QualityRoutes.DRAW, QA_GRADERS))
                        .route(QualityRoutes.SAMPLE).access(anyOf(QualityRoutes.SAMPLE, QA_GRADERS))
                        .route(QualityRoutes.CHECKLIST).access(anyOf(QualityRoutes.CHECKLIST, QA_GRADERS))
                        .route(QualityRoutes.GRADE).access(anyOf(QualityRoutes.GRADE, QA_GRADERS))
                        .route(QualityRoutes.MY_FEEDBACK).access(anyOf(QualityRoutes.MY_FEEDBACK, Access.PEOPLE))
                        .route(QualityRoutes.ESCALATION_RAISE).access(anyOf(QualityRoutes.ESCALATION_RAISE, ESCALATORS))
                        .route(QualityRoutes.ESCALATION_STAGE).access(anyOf(QualityRoutes.ESCALATION_STAGE, ESCALATORS))
                        .route(QualityRoutes.ESCALATION_RESOLVE)
                        .access(anyOf(QualityRoutes.ESCALATION_RESOLVE, ESCALATORS))
                        .route(QualityRoutes.ESCALATIONS_OPEN)
                        .access(anyOf(QualityRoutes.ESCALATIONS_OPEN, ESCALATION_READERS))
                        .route(QualityRoutes.ESCALATIONS_RESOLVED)
                        .access(anyOf(QualityRoutes.ESCALATIONS_RESOLVED, ESCALATION_READERS))
                        // what a disagreement is about may name people: duty leads and admins, audited
                        .route(QualityRoutes.ESCALATION_DETAIL)
                        .access(anyOf(QualityRoutes.ESCALATION_DETAIL, Access.DUTY_LEADS))
                        // information requests to partners, and their answers: duty leads and admins
                        .route(PartnerRoutes.REQUEST).access(anyOf(PartnerRoutes.REQUEST, Access.DUTY_LEADS))
                        .route(PartnerRoutes.CHASE).access(anyOf(PartnerRoutes.CHASE, Access.DUTY_LEADS))
                        .route(PartnerRoutes.ANSWER).access(anyOf(PartnerRoutes.ANSWER, Access.DUTY_LEADS))
                        .route(PartnerRoutes.OF_REFERRAL).access(anyOf(PartnerRoutes.OF_REFERRAL, Access.DUTY_LEADS))
                        // kiosk tokens: admins make, list and revoke them; the wall-board's own
                        // connection (a board token) checks a screen's
                        .route(KioskRoutes.LIST).access(anyOf(KioskRoutes.LIST, java.util.List.of(Access.ADMIN)))
                        .route(KioskRoutes.CREATE).access(anyOf(KioskRoutes.CREATE, java.util.List.of(Access.ADMIN)))
                        .route(KioskRoutes.REVOKE).access(anyOf(KioskRoutes.REVOKE, java.util.List.of(Access.ADMIN)))
                        .route(KioskRoutes.CHECK).access(anyOf(KioskRoutes.CHECK, java.util.List.of(Access.BOARD)))
                        .route(KioskRoutes.TEAMS).access(anyOf(KioskRoutes.TEAMS, Access.BOARD_READERS))
                        .anyExchange().denyAll())
                .build());
    }

    /**
     * The person a verified user token names, with the roles they hold now: a user removed from the
     * configuration since is refused although their token has not run out. The token's claims stay
     * with them, for its expiry on a connection that keeps them ({@link ExpiredUserTokens}) and its
     * sign-in time when it is renewed ({@link UserTokenController}).
     *
     * <p>A person the identity provider signed in is not in the configuration: they hold the people's
     * roles their token was issued with, which the provider's token mapped to at sign-in, for as long
     * as a provider is configured at all.
     */
    private static Authentication person(Accounts accounts, IdentityProvider provider, UserTokens.Claims claims) {
        if (claims.fromProvider()) {
            if (!provider.configured()) {
                throw new BadCredentialsException("User token of an identity provider's sign-in, but no identity "
                        + "provider is configured now; sign in again");
            }
            var roles = claims.roles().stream().filter(Access.PEOPLE::contains)
                    .map(role -> (GrantedAuthority) new org.springframework.security.core.authority.SimpleGrantedAuthority(
                            "ROLE_" + role))
                    .toList();
            var person = UsernamePasswordAuthenticationToken.authenticated(claims.username(), null, roles);
            person.setDetails(claims);
            return person;
        }
        var user = accounts.user(claims.username())
                .filter(found -> found.isEnabled() && found.getAuthorities().stream()
                        .anyMatch(role -> Access.PEOPLE.contains(role.getAuthority().substring("ROLE_".length()))))
                .orElseThrow(() -> new BadCredentialsException("User token names no current user; sign in again"));
        var person = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities());
        person.setDetails(claims);
        return person;
    }

    /**
     * Allows callers holding any of {@code roles}; refuses others with an error naming the roles, or
     * saying how to sign in.
     */
    static ReactiveAuthorizationManager<PayloadExchangeAuthorizationContext> anyOf(String route, List<String> roles) {
        var authorities = roles.stream().map(role -> "ROLE_" + role).toList();
        return new ReactiveAuthorizationManager<>() {
            @Override
            public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication,
                                                       PayloadExchangeAuthorizationContext context) {
                return authentication
                        .filter(caller -> caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken))
                        .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException(route
                                + " requires signing in: send " + Access.AUTHENTICATION_MIME_TYPE
                                + " metadata (simple or bearer)")))
                        .flatMap(caller -> caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                .anyMatch(authorities::contains)
                                ? Mono.just(new AuthorizationDecision(true))
                                : Mono.error(new org.springframework.security.access.AccessDeniedException(
                                        route + " requires one of " + String.join(", ", roles)
                                                + (IdentityProvider.withoutMappedRole(caller)
                                                ? "; " + caller.getName() + " signed in with the identity provider, "
                                                        + "but the token's roles claim holds no value mapped to a "
                                                        + "MASH Live role"
                                                : ""))));
            }
        };
    }
}
