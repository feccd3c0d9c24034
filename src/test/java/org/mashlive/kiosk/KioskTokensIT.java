package org.mashlive.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.KioskCheck;
import org.mashlive.kiosk.api.KioskGrant;
import org.mashlive.kiosk.api.KioskRoutes;
import org.mashlive.kiosk.api.NewKiosk;
import org.mashlive.kiosk.api.RevokeKiosk;
import org.mashlive.staff.StaffProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Kiosk tokens over REST and RSocket on the real backend and PostgreSQL: admins alone make, list and
 * revoke them (every other role refused, named); only a hash is kept; the change is in the token's
 * trail with the admin's name; the wall-board's board token checks a token and records it as seen;
 * bad input is refused naming the field.
 */
@BackendTest
class KioskTokensIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private RSocketRequester as(TestClients.Identity who) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, who);
        opened.add(requester);
        return requester;
    }

    private CreatedKiosk createOverRest(String name, String team) {
        return TestClients.web(httpPort, TestClients.demoUser("admin")).post().uri("/api/kiosks")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new NewKiosk(name, team))
                .retrieve().bodyToMono(CreatedKiosk.class).block(WAIT);
    }

    @Test
    void anAdminMakesATokenShownOnceAndOnlyItsHashIsKept() {
        var made = createOverRest("Reception TV", "MASH police");
        assertThat(made.token()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(made.kiosk().name()).isEqualTo("Reception TV");
        assertThat(made.kiosk().team()).isEqualTo("MASH police");
        assertThat(made.kiosk().createdBy()).isEqualTo("admin");
        assertThat(made.kiosk().revoked()).isFalse();

        var stored = db.sql("SELECT * FROM kiosk_token WHERE id = :id").bind("id", made.kiosk().id())
                .fetch().one().block(WAIT);
        assertThat(stored.get("token_hash")).isEqualTo(KioskRoutes.hash(made.token()));
        assertThat(stored.values()).noneMatch(value -> value != null && value.toString().contains(made.token()));
        // the list never carries a token again
        var listed = TestClients.web(httpPort, TestClients.demoUser("admin")).get().uri("/api/kiosks").retrieve()
                .bodyToMono(String.class).block(WAIT);
        assertThat(listed).contains("Reception TV").doesNotContain(made.token())
                .doesNotContain(KioskRoutes.hash(made.token()));

        var trail = db.sql("SELECT actor, action, detail FROM kiosk_token_audit WHERE token_id = :id")
                .bind("id", made.kiosk().id()).fetch().all().collectList().block(WAIT);
        assertThat(trail).singleElement().satisfies(line -> {
            assertThat(line.get("actor")).isEqualTo("admin");
            assertThat(line.get("action")).isEqualTo("CREATED");
            assertThat((String) line.get("detail")).contains("Reception TV", "MASH police");
        });
    }

    @Test
    void theBoardTokenChecksATokenWhichIsThenSeenAndRevokedByAnAdminOverRSocket() {
        var admin = as(new TestClients.User("admin", Access.DEMO_PASSWORD));
        var made = admin.route(KioskRoutes.CREATE).data(new NewKiosk("Duty room TV", null))
                .retrieveMono(CreatedKiosk.class).block(WAIT);
        assertThat(made.kiosk().team()).as("no team: the whole hub").isNull();
        assertThat(made.kiosk().lastSeenAt()).isNull();

        var board = as(TestClients.BOARD);
        var grant = board.route(KioskRoutes.CHECK).data(new KioskCheck(KioskRoutes.hash(made.token())))
                .retrieveMono(KioskGrant.class).block(WAIT);
        assertThat(grant).isEqualTo(new KioskGrant(made.kiosk().id(), "Duty room TV", null, false));
        var seen = admin.route(KioskRoutes.LIST).retrieveMono(new ParameterizedTypeReference<List<KioskCard>>() { })
                .block(WAIT).stream().filter(card -> card.id() == made.kiosk().id()).findFirst().orElseThrow();
        assertThat(seen.lastSeenAt()).as("the check records the screen as seen").isNotNull();

        var revoked = admin.route(KioskRoutes.REVOKE).data(new RevokeKiosk(made.kiosk().id()))
                .retrieveMono(KioskCard.class).block(WAIT);
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("admin");
        assertThat(board.route(KioskRoutes.CHECK).data(new KioskCheck(KioskRoutes.hash(made.token())))
                .retrieveMono(KioskGrant.class).block(WAIT).revoked()).isTrue();
        // revoking again changes nothing and writes no second line
        admin.route(KioskRoutes.REVOKE).data(new RevokeKiosk(made.kiosk().id())).retrieveMono(KioskCard.class).block(WAIT);
        assertThat(db.sql("SELECT action FROM kiosk_token_audit WHERE token_id = :id ORDER BY id")
                .bind("id", made.kiosk().id()).map(row -> row.get("action", String.class)).all().collectList()
                .block(WAIT)).containsExactly("CREATED", "REVOKED");

        // a hash nobody has: no grant
        assertThat(board.route(KioskRoutes.CHECK).data(new KioskCheck(KioskRoutes.hash("never-made")))
                .retrieveMono(KioskGrant.class).blockOptional(WAIT)).isEmpty();
    }

    @Test
    void everyRoleButAdminIsRefusedTheAdminRoutesOverRest() {
        for (String user : List.of("hub.manager", "duty.lead", "service.head", "front.door", "intake.client")) {
            TestClients.webTest(httpPort, TestClients.demoUser(user)).get().uri("/api/kiosks").exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .as(user).contains("requires one of ADMIN"));
            TestClients.webTest(httpPort, TestClients.demoUser(user)).post().uri("/api/kiosks")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(new NewKiosk("Sneaky", null)).exchange()
                    .expectStatus().isForbidden();
            TestClients.webTest(httpPort, TestClients.demoUser(user)).post().uri("/api/kiosks/1/revoke")
                    .contentType(MediaType.APPLICATION_JSON).exchange().expectStatus().isForbidden();
        }
        TestClients.webTest(httpPort, TestClients.NOBODY).get().uri("/api/kiosks").exchange()
                .expectStatus().isUnauthorized();
        TestClients.webTest(httpPort, TestClients.BOARD).get().uri("/api/kiosks").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void everyRoleButAdminIsRefusedTheAdminRoutesOverRSocketAndOnlyTheBoardChecks() {
        for (var who : List.<TestClients.Identity>of(TestClients.demoUser("duty.lead"), TestClients.demoUser("hub.manager"),
                TestClients.demoUser("service.head"), TestClients.demoUser("front.door"), TestClients.BOARD)) {
            var caller = as(who);
            assertThatThrownBy(() -> caller.route(KioskRoutes.CREATE).data(new NewKiosk("Sneaky", null))
                    .retrieveMono(CreatedKiosk.class).block(WAIT)).as(who.toString())
                    .hasMessageContaining("kiosk.create requires one of ADMIN");
            assertThatThrownBy(() -> caller.route(KioskRoutes.LIST).retrieveMono(String.class).block(WAIT))
                    .hasMessageContaining("kiosk.list requires one of ADMIN");
            assertThatThrownBy(() -> caller.route(KioskRoutes.REVOKE).data(new RevokeKiosk(1))
                    .retrieveMono(KioskCard.class).block(WAIT)).hasMessageContaining("kiosk.revoke requires one of ADMIN");
        }
        var admin = as(TestClients.demoUser("admin"));
        assertThatThrownBy(() -> admin.route(KioskRoutes.CHECK).data(new KioskCheck(KioskRoutes.hash("x")))
                .retrieveMono(KioskGrant.class).block(WAIT)).hasMessageContaining("kiosk.check requires one of BOARD");
        assertThatThrownBy(() -> as(TestClients.NOBODY).route(KioskRoutes.LIST).retrieveMono(String.class).block(WAIT))
                .hasMessageContaining("kiosk.list requires signing in");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var admin = TestClients.webTest(httpPort, TestClients.demoUser("admin"));
        admin.post().uri("/api/kiosks").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", " "))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        admin.post().uri("/api/kiosks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new NewKiosk("Lobby", "No such team")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("team")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("MASH police"));
        admin.post().uri("/api/kiosks/999999/revoke").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No kiosk token has id 999999");

        var rsocket = as(TestClients.demoUser("admin"));
        assertThatThrownBy(() -> rsocket.route(KioskRoutes.CREATE).data(new NewKiosk("Lobby", "No such team"))
                .retrieveMono(CreatedKiosk.class).block(WAIT)).hasMessageContaining("team: must be one of the hub's teams")
                .hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> rsocket.route(KioskRoutes.REVOKE).data(new RevokeKiosk(999999))
                .retrieveMono(KioskCard.class).block(WAIT)).hasMessageContaining("No kiosk token has id 999999");
        assertThatThrownBy(() -> as(TestClients.BOARD).route(KioskRoutes.CHECK).data(new KioskCheck("not-a-hash"))
                .retrieveMono(KioskGrant.class).block(WAIT)).hasMessageContaining("tokenHash: must be the token's SHA-256");
    }

    @Test
    void theHubsTeamsAreTheStaffModulesForEveryoneWhoReadsTheBoard() {
        assertThat(as(TestClients.BOARD).route(KioskRoutes.TEAMS)
                .retrieveMono(new ParameterizedTypeReference<List<String>>() { }).block(WAIT))
                .isEqualTo(context.getBean(StaffProperties.class).teams());
    }
}
