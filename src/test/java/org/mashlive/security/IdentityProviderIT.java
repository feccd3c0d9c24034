package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Bearer JWTs from a real OpenID provider started here (discovery, JWKS, RSA-signed tokens), on the
 * REST API and on RSocket: roles from the {@code groups} claim through the configured mapping, a
 * token with no mapped role refused as such, and tokens that are expired, wrongly signed, tampered
 * with or meant for another audience refused saying so. The demo users keep signing in beside it.
 * Its own context, as it configures the provider and moves the backend's clock.
 */
@SpringBootTest(classes = {BackendApplication.class, IdentityProviderIT.Hands.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "mash.rsocket.port=0", "mash.simulation.enabled=false",
                "mash.security.oidc.audience=" + IdentityProviderIT.AUDIENCE,
                "mash.security.oidc.roles-claim=groups",
                "mash.security.oidc.clock-skew=30s",
                "mash.security.oidc.role-mapping.mash-duty-leads=DUTY_LEAD",
                "mash.security.oidc.role-mapping.mash-managers=HUB_MANAGER"})
class IdentityProviderIT {

    static final String AUDIENCE = "api://mash-live";
    private static final String ISSUER = "council";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final MockOAuth2Server PROVIDER = started();

    /** The backend's clock: now, plus what a test moves it on by. */
    @Configuration(proxyBeanMethods = false)
    static class Hands {

        static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(AHEAD.get());
                }
            };
        }
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("mash.security.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    }

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    private final List<RSocketRequester> opened = new ArrayList<>();

    private static MockOAuth2Server started() {
        var server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @AfterEach
    void reset() {
        Hands.AHEAD.set(Duration.ZERO);
        opened.forEach(RSocketRequester::dispose);
    }

    /** An access token from the provider for {@code name}, in {@code groups}, for {@code audience}. */
    private static String token(String name, List<String> groups, String audience, long lifetimeSeconds) {
        return PROVIDER.issueToken(ISSUER, "sub-" + name, audience,
                Map.of("preferred_username", name, "groups", groups), lifetimeSeconds).serialize();
    }

    private static String dutyLead() {
        return token("j.okafor@council.example", List.of("all-staff", "mash-duty-leads"), AUDIENCE, 600);
    }

    private WebTestClient web(String bearer) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + httpPort)
                .defaultHeader(TestClients.CLIENT_HEADER, "mash-live-tests")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).build();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void aMappedGroupSignsInWithItsRole() {
        web(dutyLead()).get().uri("/api/referrals").exchange().expectStatus().isOk();
        // a duty lead may screen: the write passes security and reaches the handler, which finds no referral
        web(dutyLead()).put().uri("/api/referrals/MASH-0/rag").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rag\":\"RED\",\"reason\":\"Escalated\"}").exchange()
                .expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    void theAuditTrailNamesThePersonTheProviderSignedIn() {
        var opened = TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        web(dutyLead()).put().uri("/api/referrals/{ref}/rag", opened.reference()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rag\":\"RED\",\"reason\":\"Escalated\"}").exchange().expectStatus().isOk();
        var trail = web(dutyLead()).get().uri("/api/referrals/{ref}/audit", opened.reference()).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(trail).extracting(entry -> entry.get("action") + " by " + entry.get("actor"))
                .contains("RAG_CHANGED by j.okafor@council.example");
    }

    @Test
    void anotherGroupMapsToAnotherRoleWithItsOwnLimits() {
        String manager = token("a.patel@council.example", List.of("mash-managers"), AUDIENCE, 600);
        web(manager).get().uri("/api/referrals").exchange().expectStatus().isOk();
        var refused = problem(web(manager).get().uri("/api/reports/weekly").exchange(), HttpStatus.FORBIDDEN);
        assertThat(refused.get("detail")).asString().endsWith("requires one of SERVICE_HEAD, ADMIN");
    }

    @Test
    void aTokenWithNoMappedGroupIsRefusedSayingSo() {
        String stranger = token("k.reed@council.example", List.of("all-staff", "finance"), AUDIENCE, 600);
        var refused = problem(web(stranger).get().uri("/api/referrals").exchange(), HttpStatus.FORBIDDEN);
        assertThat(refused.get("title")).isEqualTo("No MASH Live role");
        assertThat(refused.get("detail")).asString()
                .startsWith("k.reed@council.example signed in with the identity provider")
                .contains("'groups' claim holds no value mapped to a MASH Live role");
    }

    /** A token that ran out two minutes ago, by the backend's clock: beyond the thirty seconds of skew. */
    private static String expired() {
        String token = token("j.okafor@council.example", List.of("mash-duty-leads"), AUDIENCE, 60);
        Hands.AHEAD.set(Duration.ofMinutes(3));
        return token;
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() {
        String expired = expired();
        var refused = problem(web(expired).get().uri("/api/referrals").exchange(), HttpStatus.UNAUTHORIZED);
        assertThat(refused.get("title")).isEqualTo("Bearer token refused");
        assertThat(refused.get("detail")).asString().startsWith("The bearer token was refused: it expired at");
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkew() {
        String justExpired = token("j.okafor@council.example", List.of("mash-duty-leads"), AUDIENCE, 60);
        Hands.AHEAD.set(Duration.ofSeconds(65));
        web(justExpired).get().uri("/api/referrals").exchange().expectStatus().isOk();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var genuine = SignedJWT.parse(dutyLead());
        var otherKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(otherKey.getKeyID()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(otherKey));
        var refused = problem(web(forged.serialize()).get().uri("/api/referrals").exchange(), HttpStatus.UNAUTHORIZED);
        assertThat(refused.get("detail")).asString()
                .isEqualTo("The bearer token was refused: its signature does not match the identity provider's published keys");
    }

    @Test
    void aTokenWhoseClaimsWereChangedIsRefused() {
        // a manager's genuine token with the claims swapped for a duty lead's, the signature kept
        String[] manager = token("a.patel@council.example", List.of("mash-managers"), AUDIENCE, 600).split("\\.");
        String[] lead = dutyLead().split("\\.");
        String tampered = manager[0] + "." + lead[1] + "." + manager[2];
        var refused = problem(web(tampered).get().uri("/api/referrals").exchange(), HttpStatus.UNAUTHORIZED);
        assertThat(refused.get("detail")).asString().contains("its signature does not match");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String elsewhere = token("j.okafor@council.example", List.of("mash-duty-leads"), "api://payroll", 600);
        var refused = problem(web(elsewhere).get().uri("/api/referrals").exchange(), HttpStatus.UNAUTHORIZED);
        assertThat(refused.get("detail")).asString()
                .isEqualTo("The bearer token was refused: it is not meant for MASH Live: its audience does not include "
                        + AUDIENCE);
    }

    @Test
    void aBearerTokenDoesNotExemptAWriteFromTheCrossSiteRule() {
        var refused = problem(WebTestClient.bindToServer().baseUrl("http://localhost:" + httpPort).build()
                .post().uri("/api/staff/7/end-employment")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + dutyLead())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange(), HttpStatus.FORBIDDEN);
        assertThat(refused.get("title")).isEqualTo("Not a request a browser page may send");
    }

    @Test
    void withoutCredentialsTheRefusalNamesBothWaysIn() {
        var refused = problem(WebTestClient.bindToServer().baseUrl("http://localhost:" + httpPort).build()
                .get().uri("/api/referrals").exchange(), HttpStatus.UNAUTHORIZED);
        assertThat(refused.get("detail")).asString().contains("HTTP Basic")
                .contains("an access token from " + PROVIDER.issuerUrl(ISSUER));
    }

    @Test
    void theDemoUsersAndBoardTokenStillSignIn() {
        TestClients.webTest(httpPort, TestClients.DUTY_LEAD).get().uri("/api/referrals").exchange()
                .expectStatus().isOk();
        assertThat(snapshot(connect(TestClients.BOARD), null).block(WAIT)).startsWith("snapshot at");
    }

    // RSocket

    private RSocketRequester connect(TestClients.Identity atSetup) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, atSetup);
        opened.add(requester);
        return requester;
    }

    private static Mono<String> snapshot(RSocketRequester requester, String bearer) {
        var spec = requester.route(BoardRoutes.SNAPSHOT);
        if (bearer != null) {
            spec = spec.metadata(TestClients.credentials(new TestClients.Token(bearer)),
                    TestClients.authenticationMimeType());
        }
        return spec.retrieveMono(BoardSnapshot.class).map(snapshot -> "snapshot at " + snapshot.seq());
    }

    @Test
    void overRSocketTheProvidersTokenSignsInAtSetupOrPerRequest() {
        assertThat(snapshot(connect(new TestClients.Token(dutyLead())), null).block(WAIT)).startsWith("snapshot at");
        assertThat(snapshot(connect(TestClients.NOBODY), dutyLead()).block(WAIT)).startsWith("snapshot at");
    }

    @Test
    void overRSocketAnExpiredTokenIsRefusedSayingSo() {
        String expired = expired();
        assertThatThrownBy(() -> snapshot(connect(TestClients.NOBODY), expired).block(WAIT))
                .hasMessageContaining("The bearer token was refused: it expired at");
        assertThatThrownBy(() -> snapshot(connect(new TestClients.Token(expired)), null).block(WAIT))
                .hasMessageContaining("The bearer token was refused: it expired at");
    }

    @Test
    void overRSocketAWronglySignedTokenIsRefusedSayingSo() throws Exception {
        var genuine = SignedJWT.parse(dutyLead());
        var otherKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(otherKey.getKeyID()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(otherKey));
        assertThatThrownBy(() -> snapshot(connect(TestClients.NOBODY), forged.serialize()).block(WAIT))
                .hasMessageContaining("its signature does not match the identity provider's published keys");
    }

    @Test
    void overRSocketATokenWithNoMappedGroupIsRefusedSayingSo() {
        String stranger = token("k.reed@council.example", List.of("finance"), AUDIENCE, 600);
        assertThatThrownBy(() -> snapshot(connect(TestClients.NOBODY), stranger).block(WAIT))
                .hasMessageContaining("k.reed@council.example signed in with the identity provider, but the token's "
                        + "roles claim holds no value mapped to a MASH Live role");
    }

    /** What a client acting for a person does: swaps the provider's access token for a user token. */
    private org.mashlive.board.api.UserToken userToken(String accessToken) {
        return connect(new TestClients.Token(accessToken)).route(Access.TOKEN_ROUTE)
                .retrieveMono(org.mashlive.board.api.UserToken.class).block(WAIT);
    }

    @Test
    void aPersonTheProviderSignedInGetsAUserTokenThatNamesThemInTheAuditTrail() {
        String accessToken = PROVIDER.issueToken(ISSUER, "sub-j-okafor", AUDIENCE, Map.of(
                "preferred_username", "j.okafor@council.example", "name", "Jo Okafor",
                "groups", List.of("mash-duty-leads")), 600).serialize();
        var token = userToken(accessToken);
        assertThat(token.username()).isEqualTo("j.okafor@council.example");
        assertThat(token.roles()).containsExactly(Access.DUTY_LEAD);
        assertThat(token.token()).startsWith(UserTokens.PROVIDER_PREFIX);

        var opened = TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
        var actingFor = connect(new TestClients.Token(token.token()));
        actingFor.route(org.mashlive.referral.api.ReferralRoutes.RATE)
                .data(new org.mashlive.referral.api.RateRequest(opened.reference(), "RED", "Weapon in the log"))
                .retrieveMono(org.mashlive.board.api.ReferralCard.class).block(WAIT);
        var detail = actingFor.route(org.mashlive.referral.api.ReferralRoutes.DETAIL)
                .data(new org.mashlive.referral.api.DetailRequest(opened.reference()))
                .retrieveMono(org.mashlive.referral.api.ReferralDetail.class).block(WAIT);
        assertThat(detail.ragHistory().getLast().by()).isEqualTo("Jo Okafor (duty lead)");
        assertThat(detail.trail()).extracting(step -> step.action() + " by " + step.by())
                .contains("RAG_CHANGED by Jo Okafor (duty lead)");

        // renewed, it still names them so
        var renewed = connect(new TestClients.Token(token.token())).route(Access.TOKEN_ROUTE)
                .retrieveMono(org.mashlive.board.api.UserToken.class).block(WAIT);
        assertThat(renewed.token()).startsWith(UserTokens.PROVIDER_PREFIX);
        assertThat(renewed.username()).isEqualTo("j.okafor@council.example");
    }

    @Test
    void aPersonWithNoMappedGroupGetsNoUserToken() {
        String stranger = token("k.reed@council.example", List.of("finance"), AUDIENCE, 600);
        assertThatThrownBy(() -> userToken(stranger))
                .hasMessageContaining("auth.token requires one of")
                .hasMessageContaining("k.reed@council.example signed in with the identity provider");
    }

    @Test
    void aConnectionSignedInWithTheProvidersTokenIsRefusedOnceTheTokenRunsOut() {
        var requester = connect(new TestClients.Token(
                token("j.okafor@council.example", List.of("mash-duty-leads"), AUDIENCE, 120)));
        assertThat(snapshot(requester, null).block(WAIT)).startsWith("snapshot at");
        Hands.AHEAD.set(Duration.ofMinutes(3));
        assertThatThrownBy(() -> snapshot(requester, null).block(WAIT))
                .hasMessageContaining("The bearer token expired at");
    }
}
