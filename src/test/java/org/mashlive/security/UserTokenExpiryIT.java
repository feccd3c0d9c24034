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
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.referral.api.DetailRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.ReferralRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * User tokens run out on every kind of connection, and renewing one never makes a sign-in outlast
 * the session lifetime: over real RSocket TCP, with the backend's clock moved by the test. Tokens
 * here last an hour and a sign-in three.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "mash.rsocket.port=0", "mash.simulation.enabled=false",
                "mash.security.user-tokens.lifetime=1h", "mash.security.user-tokens.session-lifetime=3h"})
@Import(UserTokenExpiryIT.MovableClockConfiguration.class)
class UserTokenExpiryIT {

    // an upper bound only: generous, for a busy build machine
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestConfiguration
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now());
        }
    }

    /** A clock that stands still until the test moves it; its views in other zones move with it. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovableClock(Instant start) {
            this(new AtomicReference<>(start), ZoneOffset.UTC);
        }

        private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(now, other);
        }
    }

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    MovableClock clock;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    /** A connection that signs in once, at SETUP, as {@code who}, and sends no credentials after. */
    private RSocketRequester signedInAtSetup(TestClients.Identity who) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, who);
        opened.add(requester);
        return requester;
    }

    private UserToken signIn() {
        return signedInAtSetup(TestClients.demoUser("duty.lead")).route(Access.TOKEN_ROUTE)
                .retrieveMono(UserToken.class).block(WAIT);
    }

    private ReferralSummary referral() {
        return TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("EXPIRY-" + System.nanoTime(), "Ottoline", "Fairweather",
                        "2014-02-03"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private static ReferralDetail detail(RSocketRequester requester, String reference) {
        return requester.route(ReferralRoutes.DETAIL).data(new DetailRequest(reference))
                .retrieveMono(ReferralDetail.class).block(WAIT);
    }

    private static UserToken renew(RSocketRequester requester) {
        return requester.route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class).block(WAIT);
    }

    @Test
    void aConnectionSignedInWithATokenAtSetupIsRefusedOnceTheTokenHasRunOut() {
        var referral = referral();
        var token = signIn();
        var connection = signedInAtSetup(new TestClients.Token(token.token()));
        assertThat(detail(connection, referral.reference()).firstName()).isEqualTo("Ottoline");

        clock.advance(Duration.between(clock.instant(), token.expiresAt()).minusSeconds(1));
        assertThat(detail(connection, referral.reference()).firstName()).as("a second before it runs out")
                .isEqualTo("Ottoline");

        clock.advance(Duration.ofSeconds(20));
        assertThatThrownBy(() -> detail(connection, referral.reference()))
                .hasMessageContaining("User token expired at " + token.expiresAt())
                .hasMessageContaining("sign in again");
        assertThatThrownBy(() -> renew(connection)).as("nor may it renew itself")
                .hasMessageContaining("expired");

        // the person signs in again and is served
        var again = signedInAtSetup(new TestClients.Token(signIn().token()));
        assertThat(detail(again, referral.reference()).firstName()).isEqualTo("Ottoline");
    }

    @Test
    void renewingKeepsASignInAliveUntilTheSessionLifetimeAndNoLonger() {
        var referral = referral();
        Instant signedIn = clock.instant();
        var token = signIn();
        Instant sessionEnd = Instant.ofEpochSecond(signedIn.getEpochSecond()).plus(Duration.ofHours(3));

        // as the wall-board does: swap the token for a fresh one when half its life has gone
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(40));
            var connection = signedInAtSetup(new TestClients.Token(token.token()));
            token = renew(connection);
            assertThat(token.expiresAt()).isBeforeOrEqualTo(sessionEnd);
            assertThat(detail(connection, referral.reference()).firstName()).isEqualTo("Ottoline");
        }
        // renewed 2 h 40 min after the sign-in, the token's own hour would end at 3 h 40; the session ends first
        assertThat(token.expiresAt()).isEqualTo(sessionEnd);

        clock.advance(Duration.between(clock.instant(), sessionEnd));
        var last = token;
        assertThatThrownBy(() -> renew(signedInAtSetup(new TestClients.Token(last.token()))))
                .hasMessageContaining("expired").hasMessageContaining("sign in again");
        assertThatThrownBy(() -> detail(signedInAtSetup(new TestClients.Token(last.token())), referral.reference()))
                .hasMessageContaining("sign in again");

        // a password sign-in starts a new session
        var fresh = signIn();
        assertThat(fresh.expiresAt()).isAfter(sessionEnd);
        assertThat(detail(signedInAtSetup(new TestClients.Token(fresh.token())), referral.reference()).lastName())
                .isEqualTo("Fairweather");
    }
}
