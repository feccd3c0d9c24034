package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Concurrent intakes share transactions and each caller still gets its own answer, with the
 * guarantees of one intake at a time: distinct, gapless references and board sequence in commit
 * order, repeats answered with the first referral, refusals writing nothing, and a database lost
 * in the middle of a group refusing that whole group and writing none of it.
 */
@BackendTest
class GroupCommitIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReferralService referrals;

    @Autowired
    MeterRegistry meters;

    private record Answer(int status, String contentType, Map<String, Object> body) {

        String reference() {
            return (String) body.get("reference");
        }
    }

    private static Mono<Answer> post(WebClient web, String body) {
        return web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                        .defaultIfEmpty(Map.of())
                        .map(map -> new Answer(response.statusCode().value(),
                                String.valueOf(response.headers().contentType().orElse(null)), map)));
    }

    /** A group held before its commit, and the contact it took in; contacts posted meanwhile queue behind it. */
    private record HeldGroup(CompletableFuture<Answer> contact, Sinks.Empty<Void> release) {

        void letGo() {
            release.tryEmitEmpty();
        }
    }

    /**
     * Posts a contact of {@code run} and holds the group that takes it in before its commit, until
     * {@link HeldGroup#letGo}; the caller resets {@code intake}'s hook when done.
     */
    private HeldGroup holdAGroup(ContactIntake intake, WebClient web, String run) {
        var holding = new AtomicBoolean();
        Sinks.Empty<Void> release = Sinks.empty();
        intake.beforeCommit(members -> {
            if (members.stream().anyMatch(member -> (run + "-hold").equals(member.contact().externalRef()))) {
                holding.set(true);
                return release.asMono();
            }
            return Mono.empty();
        });
        var contact = post(web, TestReferrals.police(run + "-hold", "Held", "Groupchild", "2012-03-04")).toFuture();
        await().atMost(WAIT).untilTrue(holding);
        return new HeldGroup(contact, release);
    }

    private long count(String sql, String like) {
        return db.sql(sql).bind("like", like).map(row -> row.get(0, Long.class)).one().block();
    }

    private List<String> outboxAfter(long seq) {
        return db.sql("SELECT seq, payload->>'reference' AS reference FROM board_event WHERE seq > :seq ORDER BY seq")
                .bind("seq", seq)
                .map(row -> row.get("seq", Long.class) + " " + row.get("reference", String.class))
                .all().collectList().block();
    }

    private static int number(String reference) {
        return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
    }

    private DistributionSummary groupSizes() {
        return meters.get("mash.intake.group.size").summary();
    }

    private enum Kind { SINGLE, REPEATED, INVALID }

    /** A contact, and who posts it: the duty lead or the partner system's account, so groups mix people. */
    private record Request(Kind kind, String externalRef, String body, boolean partner) {

        String by() {
            return partner ? "intake.client" : "duty.lead";
        }
    }

    @Test
    void aThousandConcurrentIntakesShareTransactionsAndEachGetsItsOwnAnswer() {
        String run = "GROUP-" + System.nanoTime();
        var requests = new ArrayList<Request>();
        for (int i = 0; i < 700; i++) {
            String ref = run + "-S" + i;
            requests.add(new Request(Kind.SINGLE, ref, TestReferrals.police(ref, "Single", "Groupchild" + i, "2014-05-06"),
                    i % 2 == 0));
        }
        for (int i = 0; i < 100; i++) {
            String ref = run + "-R" + i;
            String body = TestReferrals.police(ref, "Twice", "Groupchild" + i, "2013-02-03");
            requests.add(new Request(Kind.REPEATED, ref, body, i % 2 == 0));
            requests.add(new Request(Kind.REPEATED, ref, body, i % 2 == 0));
        }
        for (int i = 0; i < 100; i++) {
            String ref = run + "-X" + i;
            // refused for what they say: a date of birth before 1900, or a health type on a police contact
            String body = i % 2 == 0 ? TestReferrals.police(ref, "Wrong", "Groupchild" + i, "1890-01-01")
                    : TestReferrals.police(ref, "Wrong", "Groupchild" + i, "2015-01-01")
                            .replace("\"source\": \"POLICE\"", "\"source\": \"POLICE\", \"healthType\": \"GP\"");
            requests.add(new Request(Kind.INVALID, ref, body, i % 4 < 2));
        }
        Collections.shuffle(requests, new Random(20261130));

        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON);
        var heard = new CopyOnWriteArrayList<BoardUpdate>();
        var snapshotSeq = new AtomicReference<Long>();
        Disposable stream = requester.route(BoardRoutes.STREAM).data(BoardStreamRequest.fresh())
                .retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne)
                .subscribe(update -> {
                    if (update.kind() == BoardUpdate.Kind.SNAPSHOT) {
                        snapshotSeq.set(update.seq());
                    } else if (update.kind() == BoardUpdate.Kind.EVENT) {
                        heard.add(update);
                    }
                });
        try {
            await().atMost(WAIT).until(() -> snapshotSeq.get() != null);
            long groupsBefore = groupSizes().count();
            double membersBefore = groupSizes().totalAmount();

            var lead = TestClients.web(port);
            var partner = TestClients.web(port, TestClients.demoUser("intake.client"));
            List<Answer> answers = Flux.fromIterable(requests)
                    .flatMapSequential(request -> post(request.partner() ? partner : lead, request.body()), 64)
                    .collectList().block(WAIT);

            var references = new HashSet<String>();
            var firstOfPair = new java.util.HashMap<String, Answer>();
            for (int i = 0; i < requests.size(); i++) {
                var request = requests.get(i);
                var answer = answers.get(i);
                switch (request.kind()) {
                    case SINGLE -> {
                        assertThat(answer.status()).as(request.externalRef()).isEqualTo(201);
                        assertThat(references.add(answer.reference())).as("distinct " + answer.reference()).isTrue();
                    }
                    case REPEATED -> {
                        var other = firstOfPair.putIfAbsent(request.externalRef(), answer);
                        if (other == null) {
                            assertThat(references.add(answer.reference())).isTrue();
                        } else {
                            // the same referral, created by exactly one of the two
                            assertThat(answer.reference()).isEqualTo(other.reference());
                            assertThat(List.of(answer.status(), other.status())).containsExactlyInAnyOrder(201, 200);
                        }
                    }
                    case INVALID -> {
                        assertThat(answer.status()).as(request.externalRef()).isEqualTo(400);
                        assertThat(answer.contentType()).isEqualTo("application/problem+json");
                        assertThat(answer.body().toString()).containsAnyOf("child.dateOfBirth", "healthType");
                    }
                }
            }
            assertThat(references).hasSize(800);
            assertThat(count("SELECT count(*) FROM referral WHERE external_ref LIKE :like", run + "-X%")).isZero();
            assertThat(count("SELECT count(*) FROM referral WHERE external_ref LIKE :like", run + "-%")).isEqualTo(800);
            // each referral names the person who sent its own contact, though people shared transactions
            var receivedBy = db.sql("""
                            SELECT r.external_ref, r.received_by, a.actor FROM referral r
                            JOIN audit_entry a ON a.subject_type = 'REFERRAL' AND a.subject_id = r.id AND a.action = 'RECEIVED'
                            WHERE r.external_ref LIKE :like""")
                    .bind("like", run + "-%")
                    .map(row -> row.get(0, String.class) + " " + row.get(1, String.class) + " " + row.get(2, String.class))
                    .all().collectList().block();
            var expectedBy = requests.stream().filter(request -> request.kind() != Kind.INVALID).distinct()
                    .map(request -> request.externalRef() + " " + request.by() + " " + request.by()).toList();
            assertThat(receivedBy).containsExactlyInAnyOrderElementsOf(expectedBy);

            // the board: every event heard once, gapless, as the outbox has it, and nothing else
            var outbox = outboxAfter(snapshotSeq.get());
            assertThat(outbox).hasSize(800);
            long last = Long.parseLong(outbox.getLast().split(" ")[0]);
            await().atMost(WAIT).until(() -> !heard.isEmpty() && heard.getLast().seq() >= last);
            var received = heard.stream().map(update -> update.seq() + " " + update.event().referral().reference())
                    .toList();
            assertThat(received).containsExactlyElementsOf(outbox);
            for (int i = 0; i < heard.size(); i++) {
                assertThat(heard.get(i).seq()).isEqualTo(snapshotSeq.get() + 1 + i);
            }
            assertThat(heard.stream().map(update -> update.event().referral().reference()).toList())
                    .containsExactlyInAnyOrderElementsOf(references);
            // references gapless too, and in commit order: the board sequence numbers them in the same order
            var numbers = heard.stream().map(update -> number(update.event().referral().reference())).toList();
            for (int i = 1; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) + 1);
            }

            // the 900 contacts that reached intake took fewer transactions than that
            assertThat(groupSizes().totalAmount() - membersBefore).isEqualTo(900);
            assertThat(groupSizes().count() - groupsBefore).isLessThan(900);
        } finally {
            stream.dispose();
            requester.dispose();
        }
    }

    @Test
    void aDatabaseLostInTheMiddleOfAGroupRefusesEveryCallerOfThatGroupAndWritesNoneOfIt() throws Exception {
        var intake = referrals.intake();
        String run = "GROUP-LOST-" + System.nanoTime();
        var holding = new AtomicBoolean();
        Sinks.Empty<Void> release = Sinks.empty();
        intake.beforeCommit(members -> {
            var refs = members.stream().map(member -> String.valueOf(member.contact().externalRef())).toList();
            if (refs.contains(run + "-hold")) {
                // the group before waits here, holding the counters, while the next group queues
                holding.set(true);
                return release.asMono();
            }
            if (refs.stream().anyMatch(ref -> ref.startsWith(run + "-lost"))) {
                // the connection of this group's transaction dies after its inserts, before its commit
                return db.sql("SELECT pg_terminate_backend(pg_backend_pid())").then();
            }
            return Mono.empty();
        });
        try {
            var web = TestClients.web(port);
            var hold = post(web, TestReferrals.police(run + "-hold", "Held", "Groupchild", "2012-03-04")).toFuture();
            await().atMost(WAIT).untilTrue(holding);
            var lost = new ArrayList<CompletableFuture<Answer>>();
            for (int i = 0; i < 5; i++) {
                lost.add(post(web, TestReferrals.police(run + "-lost" + i, "Lost", "Groupchild" + i, "2012-03-04"))
                        .toFuture());
            }
            await().atMost(WAIT).until(() -> intake.queued() == 5);
            release.tryEmitEmpty();

            var held = hold.get();
            assertThat(held.status()).isEqualTo(201);
            for (var answer : lost) {
                var refused = answer.get();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.contentType()).isEqualTo("application/problem+json");
                assertThat(refused.body().toString()).contains("nothing was recorded");
            }
            assertThat(count("SELECT count(*) FROM referral WHERE external_ref LIKE :like", run + "-lost%")).isZero();
            long heldSeq = db.sql("SELECT e.seq FROM board_event e WHERE e.payload->>'reference' = :reference")
                    .bind("reference", held.reference()).map(row -> row.get(0, Long.class)).one().block();
            assertThat(outboxAfter(heldSeq)).isEmpty();

            // the counters came back whole: the next intake takes the numbers after the held one
            intake.beforeCommit(null);
            var after = post(web, TestReferrals.police(run + "-after", "After", "Groupchild", "2012-03-04")).block(WAIT);
            assertThat(after.status()).isEqualTo(201);
            assertThat(number(after.reference())).isEqualTo(number(held.reference()) + 1);
            assertThat(outboxAfter(heldSeq)).containsExactly((heldSeq + 1) + " " + after.reference());
        } finally {
            intake.beforeCommit(null);
        }
    }

    @Test
    void theIntakeScreensRouteAndTheApiShareAGroup() throws Exception {
        var intake = referrals.intake();
        String run = "GROUP-FRONTS-" + System.nanoTime();
        var holding = new AtomicBoolean();
        Sinks.Empty<Void> release = Sinks.empty();
        var groups = new CopyOnWriteArrayList<List<String>>();
        intake.beforeCommit(members -> {
            groups.add(members.stream().map(member -> member.contact().named().getFirst().lastName()).toList());
            if (members.stream().anyMatch(member -> (run + "-hold").equals(member.contact().externalRef()))) {
                holding.set(true);
                return release.asMono();
            }
            return Mono.empty();
        });
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.DUTY_LEAD);
        try {
            var web = TestClients.web(port);
            var hold = post(web, TestReferrals.police(run + "-hold", "Held", "Holdfront", "2012-03-04")).toFuture();
            await().atMost(WAIT).untilTrue(holding);
            var screen = requester.route(org.mashlive.referral.api.ReferralRoutes.INTAKE)
                    .data(new org.mashlive.referral.api.IntakeRequest(org.mashlive.board.api.Channel.PHONE,
                            org.mashlive.board.api.Source.FAMILY_SELF, null,
                            List.of(new org.mashlive.referral.api.IntakeRequest.ChildEntry("Sam", "Screenfront",
                                    java.time.LocalDate.of(2013, 6, 7), null, null)),
                            "Neighbour worried: the child is left alone overnight.", null, java.util.Set.of(), "GIVEN",
                            null, null, null))
                    .retrieveMono(org.mashlive.referral.api.IntakeAnswer.class).toFuture();
            var api = post(web, TestReferrals.police(run + "-api", "Api", "Apifront", "2012-03-04")).toFuture();
            await().atMost(WAIT).until(() -> intake.queued() == 2);
            release.tryEmitEmpty();

            assertThat(hold.get().status()).isEqualTo(201);
            assertThat(api.get().status()).isEqualTo(201);
            var taken = screen.get().children();
            assertThat(taken).hasSize(1);
            assertThat(taken.getFirst().created()).isTrue();
            assertThat(taken.getFirst().reference()).isNotEqualTo(api.get().reference());
            assertThat(groups).contains(List.of("Holdfront"));
            assertThat(groups).anySatisfy(group -> assertThat(group).containsExactlyInAnyOrder("Screenfront", "Apifront"));
        } finally {
            intake.beforeCommit(null);
            requester.dispose();
        }
    }

    /**
     * One group of five: two new contacts, another contact under a reference already taken (409),
     * a stored contact sent again (200), and a contact only the database refuses (a trigger of
     * this test's own). Each is answered as it would have been alone, and the refused ones take no
     * reference number.
     */
    @Test
    void inOneGroupAContactRefusedByWhatIsStoredOrByTheDatabaseFailsAloneAndItsNeighboursAreTakenIn()
            throws Exception {
        var intake = referrals.intake();
        String run = "GROUP-ALONE-" + System.nanoTime();
        var web = TestClients.web(port);
        String stored = TestReferrals.police(run + "-stored", "Kept", "Storedchild", "2011-01-02");
        assertThat(post(web, stored).block(WAIT).status()).isEqualTo(201);
        String repeated = TestReferrals.police(run + "-repeated", "Sent", "Twicechild", "2011-01-02");
        var original = post(web, repeated).block(WAIT);
        assertThat(original.status()).isEqualTo(201);
        db.sql("""
                CREATE FUNCTION group_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'refused by the database' USING ERRCODE = 'check_violation';
                END $$""").then().block(WAIT);
        db.sql("""
                CREATE TRIGGER group_test_refuse BEFORE INSERT ON referral FOR EACH ROW
                WHEN (NEW.child_last_name = 'Dbrefused') EXECUTE FUNCTION group_test_refuse()""").then().block(WAIT);
        try {
            var held = holdAGroup(intake, web, run);
            var hold = held.contact();
            var first = post(web, TestReferrals.police(run + "-a", "First", "Newchild", "2012-03-04")).toFuture();
            var conflict = post(web, TestReferrals.police(run + "-stored", "Other", "Storedchild", "2011-01-02"))
                    .toFuture();
            var refused = post(web, TestReferrals.police(run + "-db", "Bad", "Dbrefused", "2012-03-04")).toFuture();
            var again = post(web, repeated).toFuture();
            var last = post(web, TestReferrals.police(run + "-e", "Last", "Newchild", "2012-03-04")).toFuture();
            await().atMost(WAIT).until(() -> intake.queued() == 5);
            held.letGo();

            assertThat(hold.get().status()).isEqualTo(201);
            assertThat(first.get().status()).isEqualTo(201);
            assertThat(conflict.get().status()).isEqualTo(409);
            assertThat(conflict.get().body().toString()).contains("child.firstName");
            assertThat(refused.get().status()).isGreaterThanOrEqualTo(400);
            assertThat(refused.get().contentType()).isEqualTo("application/problem+json");
            assertThat(again.get().status()).isEqualTo(200);
            assertThat(again.get().reference()).isEqualTo(original.reference());
            assertThat(last.get().status()).isEqualTo(201);
            assertThat(count("SELECT count(*) FROM referral WHERE external_ref LIKE :like", run + "-db")).isZero();
            assertThat(count("SELECT count(*) FROM referral WHERE external_ref LIKE :like", run + "-stored"))
                    .isEqualTo(1);
            // no number went to the refused ones: the two taken in follow the held one
            assertThat(List.of(number(first.get().reference()), number(last.get().reference())))
                    .containsExactlyInAnyOrder(number(hold.get().reference()) + 1, number(hold.get().reference()) + 2);
        } finally {
            intake.beforeCommit(null);
            db.sql("DROP TRIGGER group_test_refuse ON referral").then().block(WAIT);
            db.sql("DROP FUNCTION group_test_refuse()").then().block(WAIT);
        }
    }

    /**
     * Two different contacts under one external reference, sent three times each while a group is
     * held, so that all six wait together: members with one key never share a group, so the first
     * taken in is stored and every later one is checked against it. Which of the two, the Amber
     * or the Red, arrives first is the network's choice: that one is taken in once (one 201, its
     * repeats 200 with the same referral), and the other is refused 409 every time, naming the
     * stored referral and the fields that differ, with nothing of it written.
     */
    @Test
    void twoDifferentContactsUnderOneExternalRefWaitingTogetherTakeOneInAndRefuseTheOtherEveryTime()
            throws Exception {
        var intake = referrals.intake();
        String run = "GROUP-TWIN-" + System.nanoTime();
        String ref = run + "-ref";
        String amber = TestReferrals.police(ref, "Firstsent", "Twinchild", "2013-05-06");
        String red = TestReferrals.police(ref, "Secondsent", "Otherchild", "2013-05-06").replace("\"AMBER\"", "\"RED\"");
        var web = TestClients.web(port);
        try {
            var held = holdAGroup(intake, web, run);
            var hold = held.contact();
            var amberAnswers = new ArrayList<CompletableFuture<Answer>>();
            var redAnswers = new ArrayList<CompletableFuture<Answer>>();
            for (int i = 0; i < 3; i++) {
                amberAnswers.add(post(web, amber).toFuture());
                redAnswers.add(post(web, red).toFuture());
            }
            await().atMost(WAIT).until(() -> intake.queued() == 6);
            held.letGo();
            assertThat(hold.get().status()).isEqualTo(201);

            var amberTaken = amberAnswers.stream().anyMatch(answer -> answer.join().status() == 201);
            var taken = amberTaken ? amberAnswers : redAnswers;
            var refused = amberTaken ? redAnswers : amberAnswers;
            var statuses = taken.stream().map(answer -> answer.join().status()).toList();
            assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200);
            String reference = taken.getFirst().join().reference();
            assertThat(taken).allSatisfy(answer -> assertThat(answer.join().reference()).isEqualTo(reference));
            assertThat(refused).allSatisfy(answer -> {
                var problem = answer.join();
                assertThat(problem.status()).isEqualTo(409);
                assertThat(problem.contentType()).isEqualTo("application/problem+json");
                assertThat(problem.body().get("reference")).isEqualTo(reference);
                assertThat(problem.body().get("externalRef")).isEqualTo(ref);
                assertThat((List<Object>) problem.body().get("fields"))
                        .containsExactlyInAnyOrder("child.firstName", "child.lastName", "rag");
            });

            assertThat(db.sql("SELECT child_first_name || ' ' || rag FROM referral WHERE external_ref = :e")
                    .bind("e", ref).map(row -> row.get(0, String.class)).all().collectList().block(WAIT))
                    .containsExactly(amberTaken ? "Firstsent AMBER" : "Secondsent RED");
            assertThat(db.sql("""
                            SELECT count(*) FROM board_event
                            WHERE type = 'REFERRAL_RECEIVED' AND payload->>'reference' = :r""")
                    .bind("r", reference).map(row -> row.get(0, Long.class)).one().block(WAIT)).isEqualTo(1);
        } finally {
            intake.beforeCommit(null);
        }
    }
}
