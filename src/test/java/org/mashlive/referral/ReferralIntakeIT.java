package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@BackendTest
class ReferralIntakeIT {

    private static final String SAMPLE = """
            {"externalRef": "MERLIN-26-0012345", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
             "child": {"firstName": "Alex", "lastName": "Smith", "dateOfBirth": "2015-04-02"},
             "concern": "Domestic abuse incident at home; child present.", "rag": "AMBER",
             "flags": ["DOMESTIC_ABUSE"], "consent": "NOT_SOUGHT"}""";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    TimescalePolicy timescales;

    WebTestClient client() {
        return TestClients.webTest(port);
    }

    long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    Map<String, Object> post(String body, HttpStatus expected) {
        return client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void theSampleMerlinIsReceivedOnceAndAnsweredWithItsReference() {
        long events = count("board_event");
        var first = client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(SAMPLE)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/referrals/MASH-\\d{4}-\\d{6}")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(first).containsPattern("\"reference\":\"MASH-\\d{4}-\\d{6}\"")
                .contains("\"initials\":\"A.S.\"", "\"rag\":\"AMBER\"", "\"stage\":\"RECEIVED\"",
                        "\"merlinId\":\"MERLIN-26-0012345\"")
                .doesNotContain("Alex", "Smith", "2015-04-02", "Domestic abuse incident");

        var again = post(SAMPLE, HttpStatus.OK);
        assertThat(first).contains("\"reference\":\"" + again.get("reference") + "\"");
        assertThat(db.sql("SELECT count(*) FROM referral WHERE external_ref = 'MERLIN-26-0012345'")
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
        assertThat(count("board_event")).isEqualTo(events + 1);
    }

    @Test
    void theSameExternalRefSentManyTimesAtOnceYieldsOneReferral() {
        String body = TestReferrals.police("MERLIN-RACE-" + System.nanoTime(), "Rae", "Parallel", "2012-01-01");
        var web = TestClients.web(port);
        List<String> references = Flux.range(0, 8)
                .flatMap(i -> web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .retrieve().bodyToMono(ReferralSummary.class).subscribeOn(Schedulers.parallel()), 8)
                .map(ReferralSummary::reference)
                .collectList().block();
        assertThat(references).hasSize(8);
        assertThat(references).containsOnly(references.getFirst());
        assertThat(db.sql("SELECT count(*) FROM referral WHERE reference = :r").bind("r", references.getFirst())
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    /** The sample's externalRef with another child, another source and RAG Red: another contact. */
    private static String otherContact(String externalRef) {
        return """
                {"externalRef": "%s", "channel": "POLICE_NOTIFICATION", "source": "HEALTH",
                 "child": {"firstName": "Other", "lastName": "Child", "dateOfBirth": "2015-04-02"},
                 "concern": "Domestic abuse incident at home; child present.", "rag": "RED",
                 "flags": ["DOMESTIC_ABUSE"], "consent": "NOT_SOUGHT"}""".formatted(externalRef);
    }

    long count(String sql, String externalRef) {
        return db.sql(sql).bind("e", externalRef).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void anotherContactUnderAnExternalRefAlreadyTakenIsRefusedNamingTheFieldsAndTheReferenceOnly() {
        String externalRef = "MERLIN-CONFLICT-" + System.nanoTime();
        var first = post(TestReferrals.police(externalRef, "Alex", "Smith", "2015-04-02"), HttpStatus.CREATED);
        long referrals = count("referral");
        long events = count("board_event");
        long rags = count("rag_change");

        var problem = client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(otherContact(externalRef))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(problem.get("reference")).isEqualTo(first.get("reference"));
        assertThat(problem.get("externalRef")).isEqualTo(externalRef);
        assertThat(problem.get("fields")).isEqualTo(List.of("source", "merlinId", "child.firstName", "child.lastName", "rag"));
        assertThat((String) problem.get("detail")).contains((String) first.get("reference"), "child.firstName");
        // nothing of the earlier referral but its reference: not its child, its RAG, its stage or its card
        assertThat(problem.toString())
                .doesNotContain("Alex", "Smith", "AMBER", "RECEIVED", "initials", "childKey", "dueAt");

        // the first contact unchanged; the second stored nowhere
        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("board_event")).isEqualTo(events);
        assertThat(count("rag_change")).isEqualTo(rags);
        assertThat(db.sql("""
                        SELECT child_first_name || ' ' || child_last_name || ' ' || source || ' ' || rag
                        FROM referral WHERE external_ref = :e""")
                .bind("e", externalRef).map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("Alex Smith POLICE AMBER");
        assertThat(count("SELECT count(*) FROM referral WHERE child_first_name = 'Other' AND child_last_name = 'Child'"
                + " AND external_ref = :e", externalRef)).isZero();
        assertThat(count("SELECT count(*) FROM board_event WHERE payload::text LIKE '%' || :e || '%'"
                + " AND type <> 'REFERRAL_RECEIVED'", externalRef)).isZero();
    }

    @Test
    void theSameContactSentAgainAfterScreeningIsStillTheSameReferral() {
        String externalRef = "MERLIN-RESEND-" + System.nanoTime();
        var first = post(TestReferrals.police(externalRef, "Sam", "Resend", "2014-02-03"), HttpStatus.CREATED);
        client().put().uri("/api/referrals/{ref}/rag", first.get("reference")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rag\":\"RED\",\"reason\":\"Escalated at screening\"}")
                .exchange().expectStatus().isOk();
        // the intake RAG (AMBER) is what a resend is compared with, not the RAG screening gave it;
        // spaces around text and the order of flags are not differences
        var again = post(TestReferrals.police(externalRef, " Sam ", "Resend ", "2014-02-03"), HttpStatus.OK);
        assertThat(again.get("reference")).isEqualTo(first.get("reference"));
        assertThat(again.get("rag")).isEqualTo("RED");
        assertThat(count("SELECT count(*) FROM referral WHERE external_ref = :e", externalRef)).isEqualTo(1);
    }

    @Test
    void aPartnerSystemIsToldTheReferenceOfItsContactAndNothingItCouldNotReadOtherwise() {
        String externalRef = "MERLIN-PARTNER-" + System.nanoTime();
        String contact = TestReferrals.police(externalRef, "Pat", "Partner", "2013-03-03");
        var partner = TestClients.webTest(port, TestClients.demoUser("intake.client"));
        String created = partner.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(contact)
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(created).containsPattern("\"reference\":\"MASH-\\d{4}-\\d{6}\"")
                .contains("\"externalRef\":\"" + externalRef + "\"", "\"created\":true")
                .doesNotContain("reReferral", "childKey", "initials", "stage", "rag", "dueAt");
        String reference = created.replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
        client().post().uri("/api/referrals/{ref}/decision", reference).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"outcome\":\"NO_FURTHER_ACTION\",\"rationale\":\"Parents engaging; no further concerns\",\"threshold\":\"Universal\",\"nextStep\":\"NO_FURTHER_ACTION\"}").exchange().expectStatus().isOk();

        String again = partner.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(contact)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).contains("\"reference\":\"" + reference + "\"", "\"created\":false")
                .doesNotContain("DECIDED", "EARLY_HELP", "outcome", "stage", "rag");
    }

    /**
     * Two different contacts with one externalRef, each sent three times at once: exactly one
     * referral is made, from one of them; its copies answer 200 with its reference, the other
     * contact's three are refused with 409 naming that reference. Neither is lost without a 409.
     */
    @Test
    void twoDifferentContactsRacingForOneExternalRefMakeOneReferralAndTheOtherIsRefused() {
        var web = TestClients.web(port);
        for (int round = 0; round < 5; round++) {
            String externalRef = "MERLIN-RACE2-" + System.nanoTime();
            String a = TestReferrals.police(externalRef, "Ada", "Racer", "2012-01-01");
            String b = otherContact(externalRef);
            record Answer(String contact, int status, Map<String, Object> body) {
            }
            List<Answer> answers = Flux.just("a", "b", "a", "b", "a", "b")
                    .flatMap(which -> web.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(which.equals("a") ? a : b)
                            .exchangeToMono(response -> response
                                    .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                                    .map(body -> new Answer(which, response.statusCode().value(), body)))
                            .subscribeOn(Schedulers.parallel()), 6)
                    .collectList().block();

            var created = answers.stream().filter(answer -> answer.status() == 201).toList();
            assertThat(created).as("round %d: %s", round, answers).hasSize(1);
            String winner = created.getFirst().contact();
            Object reference = created.getFirst().body().get("reference");
            for (var answer : answers) {
                if (answer.contact().equals(winner)) {
                    assertThat(answer.status()).isIn(200, 201);
                    assertThat(answer.body().get("reference")).isEqualTo(reference);
                } else {
                    assertThat(answer.status()).as("round %d: %s", round, answer).isEqualTo(409);
                    assertThat(answer.body().get("reference")).isEqualTo(reference);
                }
            }
            assertThat(db.sql("SELECT child_first_name FROM referral WHERE external_ref = :e").bind("e", externalRef)
                    .map(row -> row.get(0, String.class)).all().collectList().block())
                    .containsExactly(winner.equals("a") ? "Ada" : "Other");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            source missing                | {"channel":"PHONE","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-01-01"},"concern":"c"}                                   | source
            channel not a channel         | {"channel":"FAX","source":"POLICE","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-01-01"},"concern":"c"}                   | channel
            child missing                 | {"channel":"PHONE","source":"HEALTH","concern":"c"}                                                                                     | child
            date of birth missing         | {"channel":"PHONE","source":"HEALTH","child":{"firstName":"A","lastName":"B"},"concern":"c"}                                            | child.dateOfBirth
            date of birth not a date      | {"channel":"PHONE","source":"HEALTH","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-13-01"},"concern":"c"}                 | child.dateOfBirth
            date of birth in the future   | {"channel":"PHONE","source":"HEALTH","child":{"firstName":"A","lastName":"B","dateOfBirth":"2999-01-01"},"concern":"c"}                 | child.dateOfBirth
            first name blank              | {"channel":"PHONE","source":"HEALTH","child":{"firstName":" ","lastName":"B","dateOfBirth":"2015-01-01"},"concern":"c"}                 | child.firstName
            concern missing               | {"channel":"PHONE","source":"HEALTH","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-01-01"}}                               | concern
            flag unknown                  | {"channel":"PHONE","source":"HEALTH","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-01-01"},"concern":"c","flags":["X"]}   | flags
            health type with police       | {"channel":"PHONE","source":"POLICE","healthType":"GP","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-01-01"},"concern":"c"} | healthType
            override without a reason     | {"channel":"PHONE","source":"HEALTH","consent":"OVERRIDDEN","child":{"firstName":"A","lastName":"B","dateOfBirth":"2015-01-01"},"concern":"c"} | consentOverrideReason
            not JSON at all               | {"channel":                                                                                                                             | JSON
            """)
    void badInputIsRefusedNamingTheFieldAndWritesNothing(String name, String body, String field) {
        long referrals = count("referral");
        long events = count("board_event");
        long stages = count("stage_change");
        var problem = client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat((String) problem.get("detail")).contains(field);
        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("board_event")).isEqualTo(events);
        assertThat(count("stage_change")).isEqualTo(stages);
    }

    @Test
    void aSecondReferralForTheSameChildWithinAYearIsARereferral() {
        var first = post(TestReferrals.police("MERLIN-RE-A-" + System.nanoTime(), "Robin", "Again", "2013-05-06"),
                HttpStatus.CREATED);
        var second = post(TestReferrals.police("MERLIN-RE-B-" + System.nanoTime(), "ROBIN ", "again", "2013-05-06"),
                HttpStatus.CREATED);
        var sibling = post(TestReferrals.police("MERLIN-RE-C-" + System.nanoTime(), "Rowan", "Again", "2013-05-06"),
                HttpStatus.CREATED);
        assertThat(first.get("reReferral")).isEqualTo(false);
        assertThat(second.get("reReferral")).isEqualTo(true);
        assertThat(second.get("childKey")).isEqualTo(first.get("childKey"));
        assertThat(sibling.get("reReferral")).isEqualTo(false);
        assertThat(sibling.get("childKey")).isNotEqualTo(first.get("childKey"));
    }

    @Test
    void everyContactCarriesItsStatutoryDecisionTimeBesideItsRagTimescale() {
        var created = post(TestReferrals.police(), HttpStatus.CREATED);
        var receivedAt = java.time.Instant.parse((String) created.get("receivedAt"));
        assertThat(java.time.Instant.parse((String) created.get("decisionDueAt")))
                .isEqualTo(timescales.decisionDueAt(receivedAt))
                .isAfter(receivedAt);
        assertThat(created.get("decisionOverdue")).isEqualTo(false);

        var read = client().get().uri("/api/referrals/{ref}", created.get("reference")).exchange()
                .expectStatus().isOk()
                .expectBody(ReferralSummary.class).returnResult().getResponseBody();
        // the database keeps microseconds, so the read answer's times are the stored ones
        assertThat(read.decisionDueAt()).isEqualTo(timescales.decisionDueAt(read.receivedAt()));
        assertThat(read.decisionOverdue()).isFalse();
    }

    @Test
    void screeningRatesMovesAndDecidesAndADecidedReferralStaysClosed() {
        var created = post(TestReferrals.police(), HttpStatus.CREATED);
        String ref = (String) created.get("reference");
        String amberDue = (String) created.get("dueAt");

        var red = client().put().uri("/api/referrals/{ref}/rag", ref).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rag\":\"RED\",\"reason\":\"Weapon mentioned in the police check\"}")
                .exchange().expectStatus().isOk()
                .expectBody(ReferralSummary.class).returnResult().getResponseBody();
        assertThat(red.rag()).isEqualTo(org.mashlive.board.api.Rag.RED);
        assertThat(red.dueAt()).isBefore(java.time.Instant.parse(amberDue));
        assertThat(db.sql("SELECT reason FROM rag_change WHERE referral_id = :id ORDER BY id")
                .bind("id", red.id()).map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("Rated at intake", "Weapon mentioned in the police check");

        client().put().uri("/api/referrals/{ref}/rag", ref).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rag\":\"GREEN\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("reason"));

        client().put().uri("/api/referrals/{ref}/stage", ref).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stage\":\"INFORMATION_GATHERING\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("INFORMATION_GATHERING");

        client().post().uri("/api/referrals/{ref}/decision", ref).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"outcome\":\"NO_FURTHER_ACTION\",\"rationale\":\"Parents engaging; no further concerns\",\"threshold\":\"Universal\",\"nextStep\":\"NO_FURTHER_ACTION\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("DECIDED").jsonPath("$.outcome").isEqualTo("NO_FURTHER_ACTION");

        client().put().uri("/api/referrals/{ref}/stage", ref).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stage\":\"SCREENING\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(ref));

        assertThat(db.sql("SELECT to_stage FROM stage_change WHERE referral_id = :id ORDER BY id")
                .bind("id", red.id()).map(row -> row.get(0, String.class)).all().collectList().block())
                .containsExactly("RECEIVED", "INFORMATION_GATHERING", "DECIDED");
    }

    @Test
    void anUnknownReferenceIsNotFound() {
        client().get().uri("/api/referrals/MASH-1999-999999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void openReferralsCanBeListedWithoutIdentifyingDetail() {
        IntStream.range(0, 2).forEach(i -> post(TestReferrals.police(), HttpStatus.CREATED));
        String list = client().get().uri("/api/referrals").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("\"stage\"").doesNotContain("Testchild", "firstName", "dateOfBirth", "concern");
    }
}
