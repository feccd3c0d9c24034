package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Children not fully known: no first name, an estimated age, not born yet; and finding them again. */
@BackendTest
class UnknownAndUnbornIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    WebTestClient client() {
        return TestClients.webTest(port);
    }

    static String contact(String child) {
        return """
                {"channel": "PHONE", "source": "HEALTH", "healthType": "COMMUNITY_HEALTH_VISITING", "child": %s,
                 "concern": "Mother disclosed heavy drinking at the booking appointment.", "consent": "GIVEN"}"""
                .formatted(child);
    }

    Map<String, Object> post(String body, HttpStatus expected) {
        return client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    String storedChild(Object reference) {
        return db.sql("""
                        SELECT coalesce(child_first_name, '-') || ' ' || child_last_name || ' '
                            || coalesce(child_date_of_birth::text, '-') || ' ' || coalesce(child_estimated_age::text, '-')
                            || ' ' || coalesce(child_expected_on::text, '-')
                        FROM referral WHERE reference = :r""")
                .bind("r", reference).map(row -> row.get(0, String.class)).one().block();
    }

    @Test
    void anUnbornChildAndAChildOfUnknownAgeAndNameAreTakenIn() {
        String due = TODAY.plusMonths(4).toString();
        var unborn = post(contact("{\"lastName\": \"Fenwick\", \"expectedDeliveryDate\": \"" + due + "\"}"),
                HttpStatus.CREATED);
        assertThat(unborn.get("initials")).isEqualTo("?.F.");
        assertThat(storedChild(unborn.get("reference"))).isEqualTo("- Fenwick - - " + due);

        var aboutSix = post(contact("{\"lastName\": \"Okoro\", \"estimatedAge\": 6}"), HttpStatus.CREATED);
        assertThat(aboutSix.get("initials")).isEqualTo("?.O.");
        assertThat(storedChild(aboutSix.get("reference"))).isEqualTo("- Okoro - 6 -");

        var named = post(contact("{\"firstName\": \"Tam\", \"lastName\": \"Okoro\", \"estimatedAge\": 9}"),
                HttpStatus.CREATED);
        assertThat(named.get("initials")).isEqualTo("T.O.");
        assertThat(named.toString()).doesNotContain("Okoro", "estimatedAge");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no age, birth or due date  | {"firstName": "Ann", "lastName": "Lee"}                                               | child.dateOfBirth: is missing: give the dateOfBirth, or an estimatedAge
            no family name             | {"estimatedAge": 4}                                                                   | child.lastName
            blank first name           | {"firstName": " ", "lastName": "Lee", "estimatedAge": 4}                              | child.firstName: must not be blank; leave it out
            a birth date and an age    | {"firstName": "Ann", "lastName": "Lee", "dateOfBirth": "2019-01-01", "estimatedAge": 4} | child.estimatedAge: give only one of
            an age beyond childhood    | {"lastName": "Lee", "estimatedAge": 18}                                               | child.estimatedAge
            due years from now         | {"lastName": "Lee", "expectedDeliveryDate": "2999-01-01"}                             | child.expectedDeliveryDate: must be between
            """)
    void aChildTooThinToTakeInIsRefusedNamingWhatIsMissingAndNothingIsWritten(String name, String child, String detail) {
        long referrals = count("referral");
        long events = count("board_event");
        var problem = client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(contact(child))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat((String) problem.get("detail")).contains(detail);
        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("board_event")).isEqualTo(events);
    }

    @Test
    void aChildFirstKnownByAnEstimatedAgeIsFoundAgainWhenItsDateOfBirthIsKnown() {
        String family = "Quill" + System.nanoTime();
        var estimated = post(contact("{\"firstName\": \"Noor\", \"lastName\": \"" + family + "\", \"estimatedAge\": 7}"),
                HttpStatus.CREATED);
        assertThat(estimated.get("reReferral")).isEqualTo(false);

        // a sibling of about that age, another first name: not the same child
        var sibling = post(contact("{\"firstName\": \"Sami\", \"lastName\": \"" + family + "\", \"dateOfBirth\": \""
                + TODAY.minusYears(7).minusMonths(3) + "\"}"), HttpStatus.CREATED);
        assertThat(sibling.get("reReferral")).isEqualTo(false);

        // the same name, born seven and a half years ago: the child referred before
        var known = post(contact("{\"firstName\": \"NOOR\", \"lastName\": \"" + family + "\", \"dateOfBirth\": \""
                + TODAY.minusYears(7).minusMonths(6) + "\"}"), HttpStatus.CREATED);
        assertThat(known.get("reReferral")).isEqualTo(true);

        // the same name but born far outside the estimate: another child
        var older = post(contact("{\"firstName\": \"Noor\", \"lastName\": \"" + family + "\", \"dateOfBirth\": \""
                + TODAY.minusYears(12) + "\"}"), HttpStatus.CREATED);
        assertThat(older.get("reReferral")).isEqualTo(false);
    }

    @Test
    void anUnbornChildIsFoundAgainOnceBornAndNamed() {
        String family = "Vale" + System.nanoTime();
        LocalDate due = TODAY.plusDays(10);
        var unborn = post(contact("{\"lastName\": \"" + family + "\", \"expectedDeliveryDate\": \"" + due + "\"}"),
                HttpStatus.CREATED);
        assertThat(unborn.get("reReferral")).isEqualTo(false);
        var born = post(contact("{\"firstName\": \"Ivy\", \"lastName\": \"" + family + "\", \"dateOfBirth\": \""
                + TODAY.minusDays(3) + "\"}"), HttpStatus.CREATED);
        assertThat(born.get("reReferral")).isEqualTo(true);
        // an older brother of the same family is not that child
        var brother = post(contact("{\"firstName\": \"Rex\", \"lastName\": \"" + family + "\", \"dateOfBirth\": \""
                + TODAY.minusYears(4) + "\"}"), HttpStatus.CREATED);
        assertThat(brother.get("reReferral")).isEqualTo(false);
    }

    @Test
    void aMerlinNamingAnUnbornSiblingIsSentAgainUnchanged() {
        String externalRef = "MERLIN-PREBIRTH-" + System.nanoTime();
        String body = """
                {"externalRef": "%s", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                 "children": [{"firstName": "Kit", "lastName": "Marsh", "estimatedAge": 3},
                              {"lastName": "Marsh", "expectedDeliveryDate": "%s"}],
                 "concern": "Domestic abuse; mother pregnant.", "consent": "NOT_SOUGHT"}"""
                .formatted(externalRef, TODAY.plusMonths(2));
        @SuppressWarnings("unchecked")
        var first = (List<Map<String, Object>>) post(body, HttpStatus.CREATED).get("referrals");
        @SuppressWarnings("unchecked")
        var again = (List<Map<String, Object>>) post(body, HttpStatus.OK).get("referrals");
        assertThat(again.stream().map(r -> r.get("reference")).toList())
                .isEqualTo(first.stream().map(r -> r.get("reference")).toList());
        var changed = post(body.replace("\"estimatedAge\": 3", "\"estimatedAge\": 4"), HttpStatus.CONFLICT);
        assertThat(changed.get("fields")).isEqualTo(List.of("children[0].estimatedAge"));
    }
}
