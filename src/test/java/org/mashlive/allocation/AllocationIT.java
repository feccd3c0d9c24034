package org.mashlive.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.staff.Person;
import org.mashlive.staff.StaffDetails;
import org.mashlive.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Allocation over HTTP on the real database: moves, races, confirmations and the audit trail. */
@BackendTest
class AllocationIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    StaffService staff;

    @Autowired
    AuditTrail audit;

    @Autowired
    RSocketRequester.Builder requesters;

    Person onShift;
    Person alsoOnShift;
    Person offShift;
    Person officer;

    @BeforeEach
    void people() {
        onShift = hire("A. Onshift", StaffRole.SOCIAL_WORKER, true);
        alsoOnShift = hire("B. Onshift", StaffRole.SOCIAL_WORKER, true);
        offShift = hire("C. Offshift", StaffRole.SOCIAL_WORKER, false);
        officer = hire("D. Officer", StaffRole.MASH_POLICE_OFFICER, true);
    }

    private Person hire(String name, StaffRole role, boolean onShiftNow) {
        var person = staff.hire(new StaffDetails(name + NEXT.incrementAndGet(), role, "MASH", Contract.FULL_TIME, null))
                .block(WAIT);
        Instant now = Instant.now();
        if (onShiftNow) {
            staff.addShift(person.id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7))).block(WAIT);
        } else {
            staff.addShift(person.id(), now.plus(Duration.ofHours(10)), now.plus(Duration.ofHours(18))).block(WAIT);
        }
        return person;
    }

    private ReferralSummary referral() {
        return TestClients.web(port).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private Mono<AllocationCard> allocate(String reference, long staffId, Integer version, String reason,
                                          boolean confirm) {
        return TestClients.web(port).put().uri("/api/referrals/{ref}/allocation", reference)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(staffId, version, reason, confirm))
                .retrieve().bodyToMono(AllocationCard.class);
    }

    private static Map<String, Object> body(long staffId, Integer version, String reason, boolean confirm) {
        var body = new java.util.HashMap<String, Object>();
        body.put("staffId", staffId);
        body.put("confirm", confirm);
        if (version != null) {
            body.put("expectedVersion", version);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private List<AuditEntry> auditOf(long referralId) {
        // the allocation's entries: the referral's intake, by whoever posted it, is its own first line
        return audit.forSubject("REFERRAL", referralId).filter(entry -> entry.action() != AuditAction.RECEIVED)
                .collectList().block(WAIT);
    }

    @Test
    void aCaseIsAllocatedThenMovedWithAReasonAndTheAuditSaysWhoWhenAndWhy() {
        var referral = referral();
        var first = allocate(referral.reference(), onShift.id(), null, null, false).block(WAIT);
        assertThat(first.staffId()).isEqualTo(onShift.id());
        assertThat(first.staffName()).isEqualTo(onShift.displayName());
        assertThat(first.version()).isEqualTo(1);

        var moved = allocate(referral.reference(), alsoOnShift.id(), 1, "A. is at court all afternoon", false)
                .block(WAIT);
        assertThat(moved.staffId()).isEqualTo(alsoOnShift.id());
        assertThat(moved.version()).isEqualTo(2);

        assertThat(auditOf(referral.id()))
                .extracting(AuditEntry::action, AuditEntry::fromStaffId, AuditEntry::toStaffId, AuditEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.ALLOCATED, null, onShift.id(), null),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.REALLOCATED, onShift.id(), alsoOnShift.id(),
                                "A. is at court all afternoon"));
        assertThat(audit.forStaff(onShift.id()).collectList().block(WAIT)).hasSize(2);
    }

    @Test
    void ofManyDutyLeadsMovingOneCaseAtOnceExactlyOneWinsAndTheOthersAreToldWhoHasIt() {
        var referral = referral();
        allocate(referral.reference(), onShift.id(), null, null, false).block(WAIT);
        int leads = 8;
        List<Object> outcomes = Flux.range(0, leads)
                .flatMap(i -> allocate(referral.reference(), i % 2 == 0 ? alsoOnShift.id() : officer.id(), 1,
                        "rebalancing " + i, true)
                        .<Object>map(card -> card)
                        .onErrorResume(WebClientResponseException.class, e -> Mono.just(e))
                        .subscribeOn(Schedulers.parallel()), leads)
                .collectList().block(WAIT);

        var won = outcomes.stream().filter(AllocationCard.class::isInstance).map(AllocationCard.class::cast).toList();
        var lost = outcomes.stream().filter(WebClientResponseException.class::isInstance)
                .map(WebClientResponseException.class::cast).toList();
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(leads - 1);
        assertThat(lost).allSatisfy(e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getResponseBodyAsString()).contains(won.getFirst().staffName())
                    .contains("nothing was changed").contains("\"version\":2");
        });

        var entries = auditOf(referral.id());
        assertThat(entries).filteredOn(entry -> entry.action() == AuditAction.REALLOCATED).hasSize(1);
        assertThat(entries).filteredOn(entry -> entry.action() == AuditAction.ALLOCATION_CONFLICT).hasSize(leads - 1);
        var current = TestClients.web(port).get().uri("/api/referrals/{ref}/allocation", referral.reference())
                .retrieve().bodyToMono(AllocationCard.class).block(WAIT);
        assertThat(current).isEqualTo(won.getFirst());
    }

    @Test
    void someoneOffShiftOrOverTheirCaseloadNeedsAnExplicitConfirmation() {
        var referral = referral();
        var refused = TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(offShift.id(), null, null, false))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(refused.get("confirmationRequired")).isEqualTo(true);
        assertThat((List<?>) refused.get("warnings")).singleElement().asString().contains("off shift until");
        assertThat(auditOf(referral.id())).extracting(AuditEntry::action).containsExactly(AuditAction.ALLOCATION_REFUSED);
        assertThat(TestClients.web(port).get().uri("/api/referrals/{ref}/allocation", referral.reference())
                .retrieve().bodyToMono(AllocationCard.class).blockOptional(WAIT)).isEmpty();

        var confirmed = allocate(referral.reference(), offShift.id(), null, null, true).block(WAIT);
        assertThat(confirmed.staffId()).isEqualTo(offShift.id());

        // the caseload limit in the test context is 3
        IntStream.range(0, 3).forEach(i -> allocate(referral().reference(), onShift.id(), null, null, false).block(WAIT));
        var fourth = referral();
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", fourth.reference())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body(onShift.id(), null, null, false))
                        .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                        .expectBody(String.class).returnResult().getResponseBody())
                .contains("has 3 open cases (limit 3)"));
    }

    @Test
    void aLostRaceIsToldBeforeAnyConfirmationIsAskedFor() {
        var referral = referral();
        var given = allocate(referral.reference(), onShift.id(), null, null, false).block(WAIT);
        allocate(referral.reference(), alsoOnShift.id(), given.version(), "Onshift is in court", false).block(WAIT);
        // the first lead, on the version they saw, moves it to someone off shift: they lost the race,
        // and hear that before being asked to confirm anything
        var lost = TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(offShift.id(), given.version(), "Cover", false))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(lost).doesNotContainKey("confirmationRequired");
        assertThat(lost.get("title")).isEqualTo("Moved by someone else");
        assertThat(String.valueOf(lost.get("detail"))).contains(alsoOnShift.displayName());
        assertThat(auditOf(referral.id())).extracting(AuditEntry::action).containsExactly(AuditAction.ALLOCATED,
                AuditAction.REALLOCATED, AuditAction.ALLOCATION_CONFLICT);
    }

    @Test
    void aMoveNeedsAReasonAndTheVersionItSaw() {
        var referral = referral();
        allocate(referral.reference(), onShift.id(), null, null, false).block(WAIT);
        TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(alsoOnShift.id(), 1, " ", false))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("reason"));
        // a first allocation of a case someone already has loses, and says who has it
        TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(alsoOnShift.id(), null, null, false))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.current.staffId").isEqualTo((int) onShift.id());
        TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(999_999, null, null, false))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("toStaffId"));
    }

    @Test
    void policeChecksGoToOfficersAndAnAllocationReachesTheBoardStream() {
        var referral = referral();
        TestClients.webTest(port).put().uri("/api/referrals/{ref}/police-check/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(onShift.id(), null, null, false))
                .exchange().expectStatus().isBadRequest();

        var requester = TestClients.rsocket(requesters, rsocketPort, MediaType.APPLICATION_JSON);
        try {
            long before = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT).seq();
            StepVerifier.create(requester.route(BoardRoutes.STREAM).data(new BoardStreamRequest(before))
                            .retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne)
                            .filter(update -> update.kind() == BoardUpdate.Kind.EVENT))
                    .then(() -> TestClients.web(port).put()
                            .uri("/api/referrals/{ref}/police-check/allocation", referral.reference())
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(body(officer.id(), null, null, false))
                            .retrieve().toBodilessEntity().block(WAIT))
                    .assertNext(update -> {
                        assertThat(update.event().type()).isEqualTo(BoardEventType.ALLOCATION_CHANGED);
                        assertThat(update.event().allocation().reference()).isEqualTo(referral.reference());
                        assertThat(update.event().allocation().staffName()).isEqualTo(officer.displayName());
                    })
                    .then(() -> TestClients.web(port).post().uri("/api/referrals/{ref}/police-check", referral.reference())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("summary", "Two previous call-outs; no weapons known"))
                            .retrieve().toBodilessEntity().block(WAIT))
                    .assertNext(update -> {
                        assertThat(update.event().type()).isEqualTo(BoardEventType.POLICE_CHECK_DONE);
                        assertThat(update.event().referral().policeCheck())
                                .isEqualTo(org.mashlive.board.api.PoliceCheck.DONE);
                    })
                    .thenCancel()
                    .verify(WAIT);
            var snapshot = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT);
            assertThat(snapshot.allocations()).noneMatch(card -> card.reference().equals(referral.reference()));
            assertThat(snapshot.toString()).doesNotContain("no weapons known");
        } finally {
            requester.dispose();
        }
        TestClients.webTest(port).post().uri("/api/referrals/{ref}/police-check", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("summary", "again"))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDecidedReferralCannotBeAllocated() {
        var referral = referral();
        TestClients.web(port).post().uri("/api/referrals/{ref}/decision", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("outcome", "NO_FURTHER_ACTION", "rationale", "Parents engaging",
                        "threshold", "Universal", "nextStep", "NO_FURTHER_ACTION"))
                .retrieve().toBodilessEntity().block(WAIT);
        TestClients.webTest(port).put().uri("/api/referrals/{ref}/allocation", referral.reference())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(onShift.id(), null, null, false))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("decided"));
    }
}
