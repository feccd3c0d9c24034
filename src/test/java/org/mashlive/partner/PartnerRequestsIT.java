package org.mashlive.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rsocket.exceptions.CustomRSocketException;
import io.rsocket.exceptions.InvalidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditTrail;
import org.mashlive.audit.NamedEntry;
import org.mashlive.board.LiveBoard;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.PartnerRequestCard;
import org.mashlive.board.api.PartnerWaiting;
import org.mashlive.board.api.Rag;
import org.mashlive.partner.api.AnswerRequest;
import org.mashlive.partner.api.ChaseRequest;
import org.mashlive.partner.api.ChaseWay;
import org.mashlive.partner.api.NewPartnerRequest;
import org.mashlive.partner.api.PartnerRequestDetail;
import org.mashlive.partner.api.PartnerRoutes;
import org.mashlive.partner.api.ReferralRequests;
import org.mashlive.referral.ReferralService;
import org.mashlive.referral.ReferralSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Information requests to partners over REST and RSocket on the real database: asked, chased and
 * answered, each audited under the person and on the board stream; "no information held" is an answer;
 * bad input names the field and writes nothing; every route lets duty leads and admins in and refuses
 * every other role, naming the roles.
 */
@BackendTest
class PartnerRequestsIT {

    // a deadline, not a pause: room for a busy machine
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestClients.User LEAD = TestClients.demoUser("duty.lead");
    private static final TestClients.User ADMIN = TestClients.demoUser("admin");

    @LocalServerPort
    int port;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    LiveBoard board;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReferralService referrals;

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

    /**
     * A referral with no requests of its own yet: an email from a school. (A police notification comes
     * with its police checks, a request to the police; {@link #aPoliceNotificationsChecksAreItsRequestToThePolice}.)
     */
    private String openReferral() {
        return TestClients.web(port).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"channel": "EMAIL", "source": "EDUCATION",
                         "child": {"firstName": "Partner", "lastName": "Asked%d", "dateOfBirth": "2016-03-04"},
                         "concern": "Child arrives hungry most days.", "rag": "AMBER", "consent": "GIVEN"}"""
                        .formatted(System.nanoTime()))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT).reference();
    }

    private ReferralSummary policeNotification() {
        return TestClients.web(port).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private int policeWaitingOnBoard() {
        return board.read(state -> state.waitingOnPartners(Instant.now()).stream()
                .filter(waiting -> waiting.agency() == Agency.POLICE).mapToInt(PartnerWaiting::open).sum());
    }

    @Test
    void aPoliceNotificationsChecksAreItsRequestToThePolice() {
        int policeBefore = policeWaitingOnBoard();
        var notification = policeNotification();
        String reference = notification.reference();

        // asked with the notification, owned by the police desk until an officer takes it, due when its screening is
        var check = requestsOf(reference).getFirst();
        assertThat(requestsOf(reference)).hasSize(1);
        assertThat(check.agency()).isEqualTo(Agency.POLICE);
        assertThat(check.policeCheck()).isTrue();
        assertThat(check.asked()).startsWith("Police checks on the notification");
        // as stored: rounded to the database's microsecond
        assertThat(check.requestedAt()).isCloseTo(notification.receivedAt(), within(1, ChronoUnit.MICROS));
        assertThat(check.owner()).isEqualTo("Police desk");
        assertThat(check.dueAt()).isCloseTo(notification.dueAt(), within(1, ChronoUnit.MICROS));
        assertThat(check.open()).isTrue();
        // the police row of the partners tile counts it, from the referral's own event
        await().atMost(WAIT).untilAsserted(() -> assertThat(policeWaitingOnBoard()).isEqualTo(policeBefore + 1));

        // it is done on the referral's police checks, not as an answer to a partner, and nothing is written
        assertThat(problem(post(LEAD, "/api/partner-requests/" + check.id() + "/answer", "{\"summary\": \"x\"}"),
                HttpStatus.BAD_REQUEST).toString()).contains("id").contains("police checks on " + reference);
        assertThat(problem(post(LEAD, "/api/partner-requests/" + check.id() + "/chase", "{\"how\": \"PHONE\"}"),
                HttpStatus.BAD_REQUEST).toString()).contains("id");
        assertThat(requestsOf(reference)).singleElement().satisfies(detail -> {
            assertThat(detail.open()).isTrue();
            assertThat(detail.chases()).isEmpty();
        });

        post(LEAD, "/api/referrals/" + reference + "/police-check", "{\"summary\": \"One call-out last year\"}")
                .expectStatus().isOk();
        assertThat(requestsOf(reference)).singleElement().satisfies(detail -> {
            assertThat(detail.open()).isFalse();
            assertThat(detail.summary()).isEqualTo("One call-out last year");
            assertThat(detail.noInformationHeld()).isFalse();
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(policeWaitingOnBoard()).isEqualTo(policeBefore));
        // recorded once, as before
        problem(post(LEAD, "/api/referrals/" + reference + "/police-check", "{\"summary\": \"again\"}"),
                HttpStatus.CONFLICT);
    }

    private WebTestClient.ResponseSpec post(TestClients.Identity who, String path, String body) {
        return TestClients.webTest(port, who).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private PartnerRequestDetail ask(String reference, String body) {
        return post(LEAD, "/api/referrals/" + reference + "/partner-requests", body)
                .expectStatus().isCreated()
                .expectBody(PartnerRequestDetail.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private PartnerRequestCard onBoard(long id) {
        return board.read(state -> state.partnerRequests().stream().filter(card -> card.id() == id).findFirst()
                .orElse(null));
    }

    private List<PartnerRequestDetail> requestsOf(String reference) {
        return TestClients.web(port).get().uri("/api/referrals/" + reference + "/partner-requests").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<PartnerRequestDetail>>() { }).block(WAIT);
    }

    @Test
    void aRequestIsAnsweredAfterAChaseEachStepAuditedAndOnTheBoard() {
        String reference = openReferral();
        Instant before = Instant.now();
        var asked = ask(reference, """
                {"agency": "HEALTH", "healthService": "GP", "rag": "RED", "asked": "Registered? Recent attendances?"}""");
        assertThat(asked.reference()).isEqualTo(reference);
        assertThat(asked.partnerLabel()).isEqualTo("Health (GP)");
        assertThat(asked.open()).isTrue();
        assertThat(asked.requestedBy()).isEqualTo(asked.owner());
        // Red: four hours elapsed by default, whatever the time of day
        assertThat(Duration.between(asked.requestedAt(), asked.dueAt())).isEqualTo(Duration.ofHours(4));
        assertThat(asked.requestedAt()).isBetween(before.minusSeconds(1), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> assertThat(onBoard(asked.id())).isNotNull());
        assertThat(onBoard(asked.id()).chases()).isZero();

        var chased = post(LEAD, "/api/partner-requests/" + asked.id() + "/chase",
                "{\"how\": \"PHONE\", \"note\": \"Practice manager to call back\"}")
                .expectStatus().isOk().expectBody(PartnerRequestDetail.class).returnResult().getResponseBody();
        assertThat(chased.chases()).singleElement().satisfies(chase -> {
            assertThat(chase.how()).isEqualTo(ChaseWay.PHONE);
            assertThat(chase.note()).isEqualTo("Practice manager to call back");
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(onBoard(asked.id()).chases()).isEqualTo(1));

        var answered = post(LEAD, "/api/partner-requests/" + asked.id() + "/answer",
                "{\"summary\": \"Registered; two missed immunisation appointments.\"}")
                .expectStatus().isOk().expectBody(PartnerRequestDetail.class).returnResult().getResponseBody();
        assertThat(answered.open()).isFalse();
        assertThat(answered.noInformationHeld()).isFalse();
        assertThat(answered.summary()).isEqualTo("Registered; two missed immunisation appointments.");
        assertThat(answered.chases()).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(onBoard(asked.id())).isNull());

        // the referral's trail names the person at each step
        var referralId = referrals.find(reference).block(WAIT).id();
        List<NamedEntry> trail = audit.forCaseNamed(referralId).collectList().block(WAIT);
        assertThat(trail).filteredOn(entry -> entry.action().name().startsWith("PARTNER_"))
                .extracting(NamedEntry::action)
                .containsExactly(AuditAction.PARTNER_REQUESTED, AuditAction.PARTNER_CHASED, AuditAction.PARTNER_ANSWERED);
        assertThat(trail).filteredOn(entry -> entry.action().name().startsWith("PARTNER_"))
                .allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("duty.lead"));

        // answered once: a second answer, or a chase, is refused and changes nothing
        var again = problem(post(LEAD, "/api/partner-requests/" + asked.id() + "/answer",
                "{\"summary\": \"Something else\"}"), HttpStatus.CONFLICT);
        assertThat(again.get("title")).isEqualTo("Partner request already answered");
        problem(post(LEAD, "/api/partner-requests/" + asked.id() + "/chase", "{\"how\": \"EMAIL\"}"),
                HttpStatus.CONFLICT);
        assertThat(requestsOf(reference)).singleElement().satisfies(detail -> {
            assertThat(detail.summary()).isEqualTo("Registered; two missed immunisation appointments.");
            assertThat(detail.chases()).hasSize(1);
        });
    }

    @Test
    void noInformationHeldCountsAsAnAnswer() {
        String reference = openReferral();
        var asked = ask(reference, "{\"agency\": \"HOUSING\"}");
        // no RAG given: the referral's, Amber, on working hours
        assertThat(asked.rag()).isEqualTo(Rag.AMBER);
        await().atMost(WAIT).untilAsserted(() -> assertThat(onBoard(asked.id())).isNotNull());
        int housingBefore = board.read(state -> state.waitingOnPartners(Instant.now()).stream()
                .filter(waiting -> waiting.agency() == Agency.HOUSING).mapToInt(PartnerWaiting::open).sum());

        var answered = post(LEAD, "/api/partner-requests/" + asked.id() + "/answer",
                "{\"noInformationHeld\": true}")
                .expectStatus().isOk().expectBody(PartnerRequestDetail.class).returnResult().getResponseBody();
        assertThat(answered.open()).isFalse();
        assertThat(answered.noInformationHeld()).isTrue();
        assertThat(answered.summary()).isNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(onBoard(asked.id())).isNull());
        int housingAfter = board.read(state -> state.waitingOnPartners(Instant.now()).stream()
                .filter(waiting -> waiting.agency() == Agency.HOUSING).mapToInt(PartnerWaiting::open).sum());
        assertThat(housingAfter).isEqualTo(housingBefore - 1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        String reference = openReferral();
        String path = "/api/referrals/" + reference + "/partner-requests";
        assertThat(problem(post(LEAD, path, "{\"agency\": \"DENTIST\"}"), HttpStatus.BAD_REQUEST).toString())
                .contains("agency");
        assertThat(problem(post(LEAD, path, "{\"agency\": \"HEALTH\"}"), HttpStatus.BAD_REQUEST).toString())
                .contains("healthService").contains("GP");
        assertThat(problem(post(LEAD, path, "{\"agency\": \"POLICE\", \"healthService\": \"GP\"}"),
                HttpStatus.BAD_REQUEST).toString()).contains("healthService");
        assertThat(problem(post(LEAD, path, "{}"), HttpStatus.BAD_REQUEST).toString()).contains("agency");
        assertThat(requestsOf(reference)).isEmpty();

        var asked = ask(reference, "{\"agency\": \"EDUCATION\"}");
        assertThat(problem(post(LEAD, "/api/partner-requests/" + asked.id() + "/answer", "{}"),
                HttpStatus.BAD_REQUEST).toString()).contains("summary");
        assertThat(problem(post(LEAD, "/api/partner-requests/" + asked.id() + "/chase", "{\"how\": \"PIGEON\"}"),
                HttpStatus.BAD_REQUEST).toString()).contains("how");
        assertThat(problem(post(LEAD, "/api/partner-requests/999999999/chase", "{\"how\": \"PHONE\"}"),
                HttpStatus.NOT_FOUND).get("title")).isEqualTo("No such partner request");
        assertThat(requestsOf(reference)).singleElement().satisfies(detail -> {
            assertThat(detail.open()).isTrue();
            assertThat(detail.chases()).isEmpty();
        });
    }

    @Test
    void overRSocketALeadAsksChasesAndRecordsAnswersAndIsToldWhatIsWrong() {
        String reference = openReferral();
        var lead = as(LEAD);
        var asked = lead.route(PartnerRoutes.REQUEST)
                .data(new NewPartnerRequest(reference, "HEALTH", "HEALTH_VISITING", "GREEN", null, null))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT);
        assertThat(asked.healthService()).isEqualTo(HealthService.HEALTH_VISITING);
        assertThat(asked.rag()).isEqualTo(Rag.GREEN);
        var chased = lead.route(PartnerRoutes.CHASE).data(new ChaseRequest(asked.id(), "SECURE_EMAIL", null))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT);
        assertThat(chased.chases()).extracting(PartnerRequestDetail.Chase::how).containsExactly(ChaseWay.SECURE_EMAIL);
        var answered = lead.route(PartnerRoutes.ANSWER).data(new AnswerRequest(asked.id(), "Known to the service", false))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT);
        assertThat(answered.open()).isFalse();
        var listed = lead.route(PartnerRoutes.OF_REFERRAL).data(new ReferralRequests(reference))
                .retrieveMono(new ParameterizedTypeReference<List<PartnerRequestDetail>>() { }).block(WAIT);
        assertThat(listed).extracting(PartnerRequestDetail::id).containsExactly(asked.id());

        assertThatThrownBy(() -> lead.route(PartnerRoutes.ANSWER).data(new AnswerRequest(asked.id(), "again", false))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT))
                .isInstanceOfSatisfying(CustomRSocketException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(PartnerRoutes.ANSWERED))
                .hasMessageContaining("already answered");
        assertThatThrownBy(() -> lead.route(PartnerRoutes.REQUEST)
                .data(new NewPartnerRequest(reference, "DENTIST", null, null, null, null))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT))
                .isInstanceOf(InvalidException.class)
                .hasMessageContaining("agency: must be one of POLICE, HEALTH")
                .hasMessageNotContaining("java.");
        assertThatThrownBy(() -> lead.route(PartnerRoutes.CHASE).data(new ChaseRequest(asked.id(), null, null))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT))
                .hasMessageContaining("how: must be one of PHONE");
    }

    // ---- who may

    /** The REST routes, each with a body that would succeed for a duty lead. */
    private List<Object[]> restRoutes(String reference, long requestId) {
        return List.of(
                new Object[] {HttpMethod.GET, "/api/referrals/" + reference + "/partner-requests", null},
                new Object[] {HttpMethod.POST, "/api/referrals/" + reference + "/partner-requests",
                        "{\"agency\": \"PROBATION\"}"},
                new Object[] {HttpMethod.GET, "/api/partner-requests/" + requestId, null},
                new Object[] {HttpMethod.POST, "/api/partner-requests/" + requestId + "/chase", "{\"how\": \"PHONE\"}"},
                new Object[] {HttpMethod.POST, "/api/partner-requests/" + requestId + "/answer",
                        "{\"noInformationHeld\": true}"});
    }

    private WebTestClient.ResponseSpec call(TestClients.Identity who, Object[] route) {
        var request = TestClients.webTest(port, who).method((HttpMethod) route[0]).uri((String) route[1]);
        return route[2] == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(route[2]).exchange();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"hub.manager", "service.head", "front.door", "intake.client"})
    void everyRestRouteRefusesOtherRolesNamingTheRolesAndWritesNothing(String user) {
        String reference = openReferral();
        var asked = ask(reference, "{\"agency\": \"POLICE\"}");
        for (var route : restRoutes(reference, asked.id())) {
            var problem = problem(call(TestClients.demoUser(user), route), HttpStatus.FORBIDDEN);
            assertThat(problem.get("detail")).as(route[0] + " " + route[1])
                    .isEqualTo(route[0] + " " + route[1] + " requires one of DUTY_LEAD, ADMIN");
        }
        assertThat(requestsOf(reference)).singleElement().satisfies(detail -> {
            assertThat(detail.open()).isTrue();
            assertThat(detail.chases()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0} is let in")
    @ValueSource(strings = {"duty.lead", "admin"})
    void everyRestRouteLetsInDutyLeadsAndAdmins(String user) {
        String reference = openReferral();
        var asked = ask(reference, "{\"agency\": \"BORDER_FORCE\"}");
        for (var route : restRoutes(reference, asked.id())) {
            call(TestClients.demoUser(user), route).expectStatus().is2xxSuccessful();
        }
        assertThat(requestsOf(reference)).hasSize(2);
    }

    @Test
    void everyRSocketRouteRefusesOtherRolesAndTheBoardNamingTheRoles() {
        String reference = openReferral();
        var asked = ask(reference, "{\"agency\": \"OTHER_LOCAL_AUTHORITY\"}");
        var calls = Map.<String, Object>of(
                PartnerRoutes.REQUEST, new NewPartnerRequest(reference, "POLICE", null, null, null, null),
                PartnerRoutes.CHASE, new ChaseRequest(asked.id(), "PHONE", null),
                PartnerRoutes.ANSWER, new AnswerRequest(asked.id(), null, true),
                PartnerRoutes.OF_REFERRAL, new ReferralRequests(reference));
        var refused = List.<TestClients.Identity>of(TestClients.demoUser("hub.manager"),
                TestClients.demoUser("service.head"), TestClients.demoUser("front.door"),
                TestClients.demoUser("intake.client"), TestClients.BOARD);
        for (var who : refused) {
            var requester = as(who);
            calls.forEach((route, payload) -> assertThatThrownBy(() -> requester.route(route).data(payload)
                    .retrieveMono(Object.class).block(WAIT)).as(route + " as " + who)
                    .hasMessageContaining(route + " requires one of DUTY_LEAD, ADMIN"));
        }
        assertThat(requestsOf(reference)).singleElement().satisfies(detail -> assertThat(detail.open()).isTrue());

        var admin = as(ADMIN);
        assertThat(admin.route(PartnerRoutes.CHASE).data(calls.get(PartnerRoutes.CHASE))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT).chases()).hasSize(1);
        assertThat(admin.route(PartnerRoutes.REQUEST).data(calls.get(PartnerRoutes.REQUEST))
                .retrieveMono(PartnerRequestDetail.class).block(WAIT).agency()).isEqualTo(Agency.POLICE);
    }

    @Test
    void aDecidedReferralTakesNoNewRequestButItsOpenOnesStillTakeTheirAnswer() {
        String reference = openReferral();
        var asked = ask(reference, "{\"agency\": \"EDUCATION\"}");
        post(LEAD, "/api/referrals/" + reference + "/decision", """
                {"outcome": "NO_FURTHER_ACTION", "rationale": "No concerns once school answered",
                 "threshold": "Universal", "nextStep": "NO_FURTHER_ACTION"}""").expectStatus().isOk();
        var refused = problem(post(LEAD, "/api/referrals/" + reference + "/partner-requests", "{\"agency\": \"POLICE\"}"),
                HttpStatus.CONFLICT);
        assertThat(refused.get("title")).isEqualTo("Referral already decided");
        // not on the board once its referral is decided
        await().atMost(WAIT).untilAsserted(() -> assertThat(onBoard(asked.id())).isNull());
        post(LEAD, "/api/partner-requests/" + asked.id() + "/answer", "{\"summary\": \"Attendance good\"}")
                .expectStatus().isOk();
    }
}
