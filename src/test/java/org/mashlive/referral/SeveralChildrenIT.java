package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** A contact naming several children: one referral each, one contact, idempotent per contact and child. */
@BackendTest
class SeveralChildrenIT {

    private static final String ALEX = """
            {"firstName": "Alex", "lastName": "Hale", "dateOfBirth": "2015-04-02"}""";
    private static final String BEA = """
            {"firstName": "Bea", "lastName": "Hale", "dateOfBirth": "2017-09-12"}""";
    private static final String CAL = """
            {"firstName": "Cal", "lastName": "Hale", "dateOfBirth": "2020-01-30"}""";
    private static final String DOT = """
            {"firstName": "Dot", "lastName": "Hale", "dateOfBirth": "2023-06-01"}""";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReferralService service;

    @Autowired
    ContactRepository contacts;

    WebTestClient client() {
        return TestClients.webTest(port);
    }

    static String merlin(String externalRef, String... children) {
        return """
                {"externalRef": "%s", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                 "children": [%s],
                 "concern": "Domestic abuse incident at home; three children present.", "rag": "AMBER",
                 "flags": ["DOMESTIC_ABUSE"], "consent": "NOT_SOUGHT"}""".formatted(externalRef, String.join(",", children));
    }

    Map<String, Object> post(String body, HttpStatus expected) {
        return client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> referrals(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("referrals");
    }

    static List<Object> field(List<Map<String, Object>> referrals, String field) {
        return referrals.stream().map(referral -> referral.get(field)).toList();
    }

    @Test
    void aContactAskedForTwiceInOneGroupIsFoundOnceWithEachOfItsChildren() {
        post(merlin("MERLIN-TWICE-1", ALEX, BEA), HttpStatus.CREATED);
        // a group holding the same contact twice (two resends at once) asks for its reference twice
        var found = contacts.findByExternalRefs(List.of("MERLIN-TWICE-1", "MERLIN-TWICE-1", "MERLIN-NOT-SENT"))
                .block();
        assertThat(found).containsOnlyKeys("MERLIN-TWICE-1");
        assertThat(found.get("MERLIN-TWICE-1")).extracting(stored -> stored.row().child().firstName())
                .containsExactly("Alex", "Bea");
    }

    long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    List<String> stored(String externalRef) {
        return db.sql("""
                        SELECT reference || ' ' || child_initials || ' ' || contact_id || ' ' || child_position
                        FROM referral WHERE external_ref = :e ORDER BY child_position""")
                .bind("e", externalRef).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    @Test
    void aThreeChildMerlinIsThreeReferralsOfOneContactAndSentAgainChangesNothing() {
        String externalRef = "MERLIN-SIBLINGS-" + System.nanoTime();
        long events = count("board_event");
        long lastSeq = db.sql("SELECT last_seq FROM board_sequence").map(row -> row.get(0, Long.class)).one().block();

        var first = referrals(post(merlin(externalRef, ALEX, BEA, CAL), HttpStatus.CREATED));
        assertThat(field(first, "initials")).containsExactly("A.H.", "B.H.", "C.H.");
        var references = field(first, "reference").stream().map(String.class::cast).toList();
        // numbered in the order given, one after another
        var numbers = references.stream().map(r -> Long.parseLong(r.substring(r.lastIndexOf('-') + 1))).toList();
        assertThat(numbers).containsExactly(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2);
        assertThat(field(first, "childKey")).doesNotHaveDuplicates();
        assertThat(first.toString()).doesNotContain("Alex", "Hale", "2015-04-02");
        var rows = stored(externalRef);
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(row -> row.split(" ")[2]).distinct()).hasSize(1);
        // one board event per child, consecutive, each card its own child
        assertThat(count("board_event")).isEqualTo(events + 3);
        assertThat(db.sql("SELECT payload->>'reference' FROM board_event WHERE seq > :s ORDER BY seq")
                .bind("s", lastSeq).map(row -> row.get(0, String.class)).all().collectList().block())
                .containsSubsequence(references);

        // the duty detail of each names the others of its contact, in the order given
        assertThat(service.detail(references.get(1)).block().siblings()).containsExactly(references.get(0),
                references.get(2));
        assertThat(service.detail(references.get(0)).block().siblings()).containsExactly(references.get(1),
                references.get(2));

        var again = referrals(post(merlin(externalRef, ALEX, BEA, CAL), HttpStatus.OK));
        assertThat(field(again, "reference")).isEqualTo(field(first, "reference"));
        assertThat(stored(externalRef)).isEqualTo(rows);
        assertThat(count("board_event")).isEqualTo(events + 3);
    }

    @Test
    void theSameMerlinWithAChildAddedAddsOnlyThatChild() {
        String externalRef = "MERLIN-ADDED-" + System.nanoTime();
        var first = referrals(post(merlin(externalRef, ALEX, BEA, CAL), HttpStatus.CREATED));
        long events = count("board_event");
        long stages = count("stage_change");

        // the fourth child given second: the answer follows the body, the others are as they were
        var added = referrals(post(merlin(externalRef, ALEX, DOT, BEA, CAL), HttpStatus.CREATED));
        assertThat(field(added, "initials")).containsExactly("A.H.", "D.H.", "B.H.", "C.H.");
        assertThat(List.of(added.get(0).get("reference"), added.get(2).get("reference"), added.get(3).get("reference")))
                .isEqualTo(field(first, "reference"));
        assertThat(field(first, "reference")).doesNotContain(added.get(1).get("reference"));
        var rows = stored(externalRef);
        assertThat(rows).hasSize(4);
        assertThat(rows.getLast()).startsWith(added.get(1).get("reference") + " D.H. ").endsWith(" 3");
        assertThat(rows.stream().map(row -> row.split(" ")[2]).distinct()).hasSize(1);
        assertThat(count("board_event")).isEqualTo(events + 1);
        assertThat(count("stage_change")).isEqualTo(stages + 1);

        // and sent once more, four children: nothing new
        post(merlin(externalRef, ALEX, DOT, BEA, CAL), HttpStatus.OK);
        assertThat(stored(externalRef)).isEqualTo(rows);
    }

    @Test
    void theSameMerlinWithAChildChangedOrLeftOutIsAnotherContactAndRefusedWhole() {
        String externalRef = "MERLIN-CHANGED-" + System.nanoTime();
        var first = referrals(post(merlin(externalRef, ALEX, BEA, CAL), HttpStatus.CREATED));
        var rows = stored(externalRef);
        long events = count("board_event");

        String bee = BEA.replace("Bea", "Bee");
        var changed = post(merlin(externalRef, ALEX, bee, CAL, DOT), HttpStatus.CONFLICT);
        assertThat(changed.get("fields")).isEqualTo(List.of("children[1].firstName"));
        assertThat(changed.get("reference")).isEqualTo(first.getFirst().get("reference"));
        assertThat(changed.toString()).doesNotContain("Bea", "Hale");

        var leftOut = post(merlin(externalRef, ALEX, CAL), HttpStatus.CONFLICT);
        assertThat(leftOut.get("fields")).isEqualTo(List.of("children"));

        var otherConcern = post(merlin(externalRef, ALEX, BEA, CAL).replace("three children", "two children"),
                HttpStatus.CONFLICT);
        assertThat(otherConcern.get("fields")).isEqualTo(List.of("concern"));

        // the single-child body under a contact of three: the other two are missing
        var one = post("""
                {"externalRef": "%s", "channel": "POLICE_NOTIFICATION", "source": "POLICE", "child": %s,
                 "concern": "Domestic abuse incident at home; three children present.", "rag": "AMBER",
                 "flags": ["DOMESTIC_ABUSE"], "consent": "NOT_SOUGHT"}""".formatted(externalRef, ALEX),
                HttpStatus.CONFLICT);
        assertThat(one.get("fields")).isEqualTo(List.of("child"));

        assertThat(stored(externalRef)).isEqualTo(rows);
        assertThat(count("board_event")).isEqualTo(events);
    }

    List<Integer> sixAtOnce(String body) {
        var web = TestClients.web(port);
        return Flux.range(0, 6)
                .flatMap(i -> web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                        .subscribeOn(Schedulers.parallel()), 6)
                .collectList().block();
    }

    /**
     * Sent six times at once, a contact is made once; sent again six times at once with a child
     * added, that child is added once. Every copy is answered as the same contact, none refused.
     */
    @Test
    void aContactOrAChildAddedToItSentManyTimesAtOnceIsTakenInOnce() {
        for (int round = 0; round < 3; round++) {
            String externalRef = "MERLIN-SIBLING-RACE-" + System.nanoTime();
            var statuses = sixAtOnce(merlin(externalRef, ALEX, BEA, CAL));
            assertThat(statuses).as("round %d", round).containsOnlyOnce(201).containsOnly(200, 201);
            assertThat(stored(externalRef)).as("round %d", round).hasSize(3);

            statuses = sixAtOnce(merlin(externalRef, ALEX, BEA, CAL, DOT));
            assertThat(statuses).as("round %d", round).containsOnlyOnce(201).containsOnly(200, 201);
            var rows = stored(externalRef);
            assertThat(rows.stream().map(row -> row.split(" ")[1])).containsExactly("A.H.", "B.H.", "C.H.", "D.H.");
            assertThat(rows.stream().map(row -> row.split(" ")[2]).distinct()).hasSize(1);
        }
    }

    @Test
    void aPhoneContactWithoutExternalRefNamingTwoChildrenIsTwoReferralsEachTime() {
        String body = """
                {"channel": "PHONE", "source": "EDUCATION", "children": [%s, %s],
                 "concern": "Both children arrive hungry most days.", "consent": "GIVEN"}""".formatted(ALEX, BEA);
        var first = referrals(post(body, HttpStatus.CREATED));
        var second = referrals(post(body, HttpStatus.CREATED));
        assertThat(first).hasSize(2);
        assertThat(field(second, "reference")).doesNotContainAnyElementsOf(field(first, "reference"));
        // the second contact's children were referred minutes before: both are re-referrals
        assertThat(field(second, "reReferral")).containsExactly(true, true);
        assertThat(field(second, "childKey")).isEqualTo(field(first, "childKey"));
    }

    @Test
    void aPartnerSystemIsAnsweredWithOneReceiptPerChild() {
        String externalRef = "MERLIN-PARTNER-SIBLINGS-" + System.nanoTime();
        var partner = TestClients.webTest(port, TestClients.demoUser("intake.client"));
        String answer = partner.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(merlin(externalRef, ALEX, BEA))
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).startsWith("{\"referrals\":[").contains("\"created\":true")
                .doesNotContain("childKey", "initials", "stage", "rag");
    }

    @Test
    void childrenThatCannotBeTakenInAreRefusedNamingWhereAndNothingIsWritten() {
        long referrals = count("referral");
        long events = count("board_event");
        String both = """
                {"channel": "PHONE", "source": "EDUCATION", "child": %s, "children": [%s],
                 "concern": "c"}""".formatted(ALEX, BEA);
        String twice = """
                {"channel": "PHONE", "source": "EDUCATION", "children": [%s, %s, %s], "concern": "c"}"""
                .formatted(ALEX, BEA, ALEX.replace("Alex", " alex "));
        String none = """
                {"channel": "PHONE", "source": "EDUCATION", "children": [], "concern": "c"}""";
        String thin = """
                {"channel": "PHONE", "source": "EDUCATION", "children": [%s, {"firstName": "Bo"}], "concern": "c"}"""
                .formatted(ALEX);
        for (var refused : List.of(List.of(both, "children"), List.of(twice, "children[2]"), List.of(none, "children"),
                List.of(thin, "children[1].lastName"))) {
            var problem = client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(refused.get(0))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            assertThat((String) problem.get("detail")).as(refused.get(0)).contains(refused.get(1));
        }
        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("board_event")).isEqualTo(events);
    }
}
