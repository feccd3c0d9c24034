package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.rsocket.exceptions.CustomRSocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.AllocationRoutes;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.UserToken;
import org.mashlive.board.api.WorkType;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.referral.api.DetailRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.ReferralRoutes;
import org.mashlive.staff.Person;
import org.mashlive.staff.StaffDetails;
import org.mashlive.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * The duty view's RSocket routes over real TCP: user tokens, who may call each route, the audit of
 * a detail view, and the errors a duty lead is shown.
 */
@BackendTest
class DutyRoutesIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffService staff;

    @Autowired
    AuditTrail audit;

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

    private UserToken tokenOf(String username) {
        return as(TestClients.demoUser(username)).route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class).block(WAIT);
    }

    private ReferralSummary referral(String firstName, String lastName) {
        return TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police("DUTY-" + System.nanoTime(), firstName, lastName, "2015-07-09"))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private Person onShift(String name) {
        var person = staff.hire(new StaffDetails(name + NEXT.incrementAndGet(), StaffRole.SOCIAL_WORKER, "MASH",
                Contract.FULL_TIME, null)).block(WAIT);
        Instant now = Instant.now();
        staff.addShift(person.id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7))).block(WAIT);
        return person;
    }

    private static ReferralDetail detail(RSocketRequester requester, String reference) {
        return requester.route(ReferralRoutes.DETAIL).data(new DetailRequest(reference))
                .retrieveMono(ReferralDetail.class).block(WAIT);
    }

    private static AllocationCard allocate(RSocketRequester requester, AllocateRequest request) {
        return requester.route(AllocationRoutes.ALLOCATE).data(request).retrieveMono(AllocationCard.class).block(WAIT);
    }

    private static List<CandidateCard> candidates(RSocketRequester requester) {
        return requester.route(AllocationRoutes.CANDIDATES)
                .retrieveMono(new ParameterizedTypeReference<List<CandidateCard>>() { }).block(WAIT);
    }

    @Test
    void aPersonGetsAUserTokenWithTheirPasswordAndNotWithoutIt() {
        var token = tokenOf("duty.lead");
        assertThat(token.username()).isEqualTo("duty.lead");
        assertThat(token.roles()).containsExactly(Access.DUTY_LEAD);
        assertThat(token.expiresAt()).isBetween(Instant.now().plus(Duration.ofHours(11)),
                Instant.now().plus(Duration.ofHours(13)));

        assertThatThrownBy(() -> as(new TestClients.User("duty.lead", "wrong")).route(Access.TOKEN_ROUTE)
                .retrieveMono(UserToken.class).block(WAIT)).hasMessageContaining("Invalid Credentials");
        assertThatThrownBy(() -> as(TestClients.BOARD).route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class)
                .block(WAIT)).hasMessageContaining("auth.token requires one of HUB_MANAGER");
        assertThatThrownBy(() -> as(TestClients.demoUser("intake.client")).route(Access.TOKEN_ROUTE)
                .retrieveMono(UserToken.class).block(WAIT)).hasMessageContaining("requires one of");
    }

    @Test
    void aUserTokenActsAsItsPersonAndRefreshesItself() {
        var token = tokenOf("duty.lead");
        var lead = as(new TestClients.Token(token.token()));
        var fresh = lead.route(Access.TOKEN_ROUTE).retrieveMono(UserToken.class).block(WAIT);
        assertThat(fresh.username()).isEqualTo("duty.lead");
        assertThat(fresh.expiresAt()).isAfterOrEqualTo(token.expiresAt());

        var referral = referral("Zebedee", "Quartermain");
        var shown = detail(lead, referral.reference());
        assertThat(shown.firstName()).isEqualTo("Zebedee");
        assertThat(shown.lastName()).isEqualTo("Quartermain");
        assertThat(shown.dateOfBirth()).hasToString("2015-07-09");
        assertThat(shown.concern()).contains("Domestic abuse");
        assertThat(shown.consent()).isEqualTo("NOT_SOUGHT");
        assertThat(shown.ragHistory()).singleElement()
                .satisfies(step -> assertThat(step.reason()).isEqualTo("Rated at intake"));

        var trail = audit.forSubject(WorkType.REFERRAL.name(), referral.id()).collectList().block(WAIT);
        assertThat(trail).extracting(entry -> entry.action() + " by " + entry.actor())
                .containsExactly("RECEIVED by duty.lead", "DETAIL_VIEWED by duty.lead");
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = tokenOf("hub.manager").token();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("duty.lead".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + parts[2] + "." + parts[3] + "." + parts[4] + "." + parts[5];
        var referral = referral("Tamper", "Proof");
        assertThatThrownBy(() -> detail(as(new TestClients.Token(forged)), referral.reference()))
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> detail(as(new TestClients.Token(token.substring(0, token.length() - 2) + "xy")),
                referral.reference())).hasMessageContaining("not signed");
        assertThat(audit.forSubject(WorkType.REFERRAL.name(), referral.id()).collectList().block(WAIT))
                .extracting(entry -> entry.action()).as("only its intake").containsExactly(AuditAction.RECEIVED);
    }

    @Test
    void onlyDutyLeadsAndAdminsSeeDetailAndAllocate() {
        var referral = referral("Rosalind", "Whitlock");
        var person = onShift("E. Routes");
        var request = new AllocateRequest(referral.reference(), WorkType.REFERRAL, person.id(), null, null, false);
        var hubManager = as(new TestClients.Token(tokenOf("hub.manager").token()));
        for (var refused : List.of(as(TestClients.BOARD), as(TestClients.demoUser("hub.manager")), hubManager)) {
            assertThatThrownBy(() -> detail(refused, referral.reference()))
                    .hasMessageContaining("duty.referral.detail requires one of DUTY_LEAD, ADMIN");
            assertThatThrownBy(() -> allocate(refused, request))
                    .hasMessageContaining("duty.allocate requires one of DUTY_LEAD, ADMIN");
        }
        assertThatThrownBy(() -> candidates(as(TestClients.BOARD)))
                .hasMessageContaining("duty.candidates requires one of HUB_MANAGER");
        assertThat(candidates(hubManager)).extracting(CandidateCard::staffId).contains(person.id());
        assertThat(audit.forSubject(WorkType.REFERRAL.name(), referral.id()).collectList().block(WAIT))
                .extracting(entry -> entry.action()).as("only its intake").containsExactly(AuditAction.RECEIVED);

        var lead = as(new TestClients.Token(tokenOf("duty.lead").token()));
        assertThat(detail(lead, referral.reference()).firstName()).isEqualTo("Rosalind");
        var card = allocate(lead, request);
        assertThat(card.staffId()).isEqualTo(person.id());
        assertThat(detail(as(TestClients.demoUser("admin")), referral.reference()).lastName()).isEqualTo("Whitlock");
        assertThat(audit.forSubject(WorkType.REFERRAL.name(), referral.id()).collectList().block(WAIT))
                .extracting(entry -> entry.action() + " by " + entry.actor())
                .containsExactly("RECEIVED by duty.lead", "DETAIL_VIEWED by duty.lead", "ALLOCATED by duty.lead",
                        "DETAIL_VIEWED by admin");
    }

    @Test
    void aMoveOnAStaleVersionIsToldWhoHasItNow() {
        var referral = referral("Conflict", "Case");
        var first = onShift("F. First");
        var second = onShift("G. Second");
        var lead = as(new TestClients.Token(tokenOf("duty.lead").token()));
        var lead2 = as(new TestClients.Token(tokenOf("duty.lead2").token()));
        var given = allocate(lead, new AllocateRequest(referral.reference(), WorkType.REFERRAL, first.id(), null, null,
                false));
        var moved = allocate(lead2, new AllocateRequest(referral.reference(), null, second.id(), given.version(),
                "First is in court all afternoon", false));
        assertThat(moved.staffName()).isEqualTo(second.displayName());

        assertThatThrownBy(() -> allocate(lead, new AllocateRequest(referral.reference(), null, first.id(),
                given.version(), "Back to first", false)))
                .isInstanceOfSatisfying(CustomRSocketException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AllocationRoutes.CONFLICT))
                .hasMessageContaining("moved to " + second.displayName() + " by duty.lead2")
                .hasMessageContaining("(version " + moved.version() + ")");
    }

    @Test
    void anAllocationThatNeedsConfirmingSaysWhy() {
        var referral = referral("Confirm", "Please");
        var off = staff.hire(new StaffDetails("H. Offshift" + NEXT.incrementAndGet(), StaffRole.SOCIAL_WORKER, "MASH",
                Contract.FULL_TIME, null)).block(WAIT);
        var lead = as(TestClients.DUTY_LEAD);
        var request = new AllocateRequest(referral.reference(), WorkType.REFERRAL, off.id(), null, null, false);
        assertThatThrownBy(() -> allocate(lead, request))
                .isInstanceOfSatisfying(CustomRSocketException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AllocationRoutes.CONFIRMATION_REQUIRED))
                .hasMessageContaining(off.displayName() + " is off shift");
        assertThat(allocate(lead, new AllocateRequest(referral.reference(), WorkType.REFERRAL, off.id(), null, null,
                true)).staffId()).isEqualTo(off.id());
        assertThatThrownBy(() -> allocate(lead, new AllocateRequest("MASH-1999-000001", null, off.id(), null, null,
                true))).hasMessageContaining("No referral MASH-1999-000001");
    }
}
