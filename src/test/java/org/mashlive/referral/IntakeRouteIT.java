package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.audit.AuditEntry;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Source;
import org.mashlive.referral.api.IntakeAnswer;
import org.mashlive.referral.api.IntakeRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.ReferralRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;

/** The intake screen's route over real RSocket: who may use it, the API's checks, the history and its audit. */
@BackendTest
class IntakeRouteIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

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

    private RSocketRequester as(String user) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.demoUser(user));
        opened.add(requester);
        return requester;
    }

    private static IntakeAnswer takeIn(RSocketRequester requester, IntakeRequest request) {
        return requester.route(ReferralRoutes.INTAKE).data(request).retrieveMono(IntakeAnswer.class).block(WAIT);
    }

    private static IntakeRequest phoneCall(IntakeRequest.ChildEntry... children) {
        return new IntakeRequest(Channel.PHONE, Source.FAMILY_SELF, null, List.of(children),
                "Grandmother worried: the children are left alone overnight.", null, Set.of(Flag.SEND), "GIVEN", null,
                new ReferralDetail.Referrer("Rita Moss", "Grandmother", null, "01632 960555"));
    }

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void aFrontDoorWorkerTakesAHouseholdInAndIsShownEachChildsEarlierReferralsWhichIsAudited() {
        String family = "Moss" + System.nanoTime();
        var earlier = TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"channel": "PORTAL", "source": "EDUCATION",
                         "child": {"firstName": "Ada", "lastName": "%s", "dateOfBirth": "%s"},
                         "concern": "Often absent on Mondays.", "consent": "GIVEN"}"""
                        .formatted(family, TODAY.minusYears(9).minusMonths(2)))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);

        // Ada by an estimated age only: a likely match; her brother: no history
        var answer = takeIn(as("front.door"), phoneCall(
                new IntakeRequest.ChildEntry("Ada", family, null, 9, null),
                new IntakeRequest.ChildEntry("Ben", family, TODAY.minusYears(5), null, null)));

        assertThat(answer.children()).extracting(IntakeAnswer.Taken::initials)
                .containsExactly("A." + family.charAt(0) + ".", "B." + family.charAt(0) + ".");
        assertThat(answer.children()).allMatch(IntakeAnswer.Taken::created);
        var ada = answer.children().getFirst();
        assertThat(ada.earlier()).extracting(IntakeAnswer.Earlier::reference).containsExactly(earlier.reference());
        assertThat(ada.earlier().getFirst().exact()).isFalse();
        assertThat(ada.earlier().getFirst().source()).isEqualTo(Source.EDUCATION);
        assertThat(answer.children().get(1).earlier()).isEmpty();

        var trail = TestClients.web(httpPort, TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", earlier.reference()).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        // (the trail starts with the earlier referral's own intake)
        assertThat(trail).extracting(entry -> entry.action() + " by " + entry.actor())
                .containsExactly("RECEIVED by duty.lead", "DETAIL_VIEWED by front.door");
        assertThat(trail.getLast().detail()).contains(ada.reference());

        // the contact is recorded as taken in by the front door worker who entered it, in the row and its audit
        assertThat(db.sql("SELECT received_by FROM referral WHERE reference = :r").bind("r", ada.reference())
                .map(row -> row.get(0, String.class)).one().block()).isEqualTo("front.door");
        var adasTrail = TestClients.web(httpPort, TestClients.demoUser("hub.manager")).get()
                .uri("/api/referrals/{ref}/audit", ada.reference()).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditEntry>>() { }).block(WAIT);
        assertThat(adasTrail).extracting(entry -> entry.action() + " by " + entry.actor())
                .contains("RECEIVED by front.door");

        // the referrer and the flags are kept as the API keeps them
        assertThat(db.sql("SELECT referrer_name || ' ' || array_to_string(flags, ',') FROM referral WHERE reference = :r")
                .bind("r", ada.reference()).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("Rita Moss SEND");
    }

    @Test
    void theRouteRefusesWhatTheApiRefusesNamingTheFieldAndWritesNothing() {
        long referrals = count("referral");
        long events = count("board_event");
        var lead = as("duty.lead");
        assertThatThrownBy(() -> takeIn(lead, phoneCall(new IntakeRequest.ChildEntry("Cy", " ", null, 3, null))))
                .hasMessageContaining("children[0].lastName");
        assertThatThrownBy(() -> takeIn(lead, phoneCall(new IntakeRequest.ChildEntry("Cy", "Moss", null, null, null))))
                .hasMessageContaining("children[0].dateOfBirth: is missing");
        assertThatThrownBy(() -> takeIn(lead, new IntakeRequest(Channel.PHONE, Source.POLICE, "GP",
                List.of(new IntakeRequest.ChildEntry("Cy", "Moss", null, 3, null)), "c", null, null, null, null, null)))
                .hasMessageContaining("healthType");
        assertThatThrownBy(() -> takeIn(lead, new IntakeRequest(Channel.PHONE, Source.HEALTH, "DENTIST",
                List.of(new IntakeRequest.ChildEntry("Cy", "Moss", null, 3, null)), "c", null, null, null, null, null)))
                .hasMessageContaining("healthType: must be one of");
        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("board_event")).isEqualTo(events);
    }

    @Test
    void onlyFrontDoorWorkersDutyLeadsAndAdminsMayTakeContactsIn() {
        var call = phoneCall(new IntakeRequest.ChildEntry("Di", "Moss", null, 3, null));
        for (String user : List.of("hub.manager", "service.head", "intake.client")) {
            assertThatThrownBy(() -> takeIn(as(user), call)).as(user)
                    .hasMessageContaining("intake.contact requires one of FRONT_DOOR, DUTY_LEAD, ADMIN");
        }
        assertThat(takeIn(as("admin"), call).children()).hasSize(1);
    }
}
