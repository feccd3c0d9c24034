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

/** Who referred and the police's risk grading: kept for duty screens, compared on a resend, never on the board. */
@BackendTest
class ReferrerAndRiskIT {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReferralService referrals;

    WebTestClient client() {
        return TestClients.webTest(port);
    }

    static String merlin(String externalRef, String referrerContact, String risk) {
        return """
                {"externalRef": "%s", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                 "child": {"firstName": "Lou", "lastName": "Penrose", "dateOfBirth": "2014-08-08"},
                 "concern": "Missing overnight, found with older males.", "consent": "NOT_SOUGHT",
                 "referrer": {"name": " PC Dana Whitlock ", "role": "Police constable", "agency": "Northshire Police",
                              "contact": "%s"},
                 "policeRiskLevel": "%s"}""".formatted(externalRef, referrerContact, risk);
    }

    Map<String, Object> post(String body, HttpStatus expected) {
        return client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void theReferrerAndRiskAreShownOnTheDutyDetailOnlyAndASendWithOtherDetailsIsAnotherContact() {
        String externalRef = "MERLIN-REFERRER-" + System.nanoTime();
        var created = post(merlin(externalRef, "dana.whitlock@northshire.police.uk", "HIGH"), HttpStatus.CREATED);
        String reference = (String) created.get("reference");
        assertThat(created.toString()).doesNotContain("Whitlock", "northshire", "HIGH");
        assertThat(db.sql("SELECT payload::text FROM board_event WHERE payload->>'reference' = :r")
                .bind("r", reference).map(row -> row.get(0, String.class)).one().block())
                .doesNotContain("Whitlock", "Northshire", "HIGH");
        assertThat(client().get().uri("/api/referrals").exchange().expectBody(String.class).returnResult()
                .getResponseBody()).doesNotContain("Whitlock");

        var detail = referrals.detail(reference).block();
        assertThat(detail.referrer()).isEqualTo(new org.mashlive.referral.api.ReferralDetail.Referrer(
                "PC Dana Whitlock", "Police constable", "Northshire Police", "dana.whitlock@northshire.police.uk"));
        assertThat(detail.policeRiskLevel()).isEqualTo("HIGH");

        post(merlin(externalRef, "dana.whitlock@northshire.police.uk", "HIGH"), HttpStatus.OK);
        var other = post(merlin(externalRef, "01632 960123", "MEDIUM"), HttpStatus.CONFLICT);
        assertThat(other.get("fields")).isEqualTo(List.of("referrer.contact", "policeRiskLevel"));
    }

    @Test
    void aRiskGradingIsForPoliceContactsAndAReferrerNeedsAName() {
        for (var refused : List.of(
                List.of(merlin("R-" + System.nanoTime(), "x", "HIGH").replace("\"source\": \"POLICE\"",
                        "\"source\": \"EDUCATION\"").replace("\"channel\": \"POLICE_NOTIFICATION\"",
                        "\"channel\": \"PHONE\""), "policeRiskLevel"),
                List.of(merlin("R-" + System.nanoTime(), "x", "HIGH").replace("\"name\": \" PC Dana Whitlock \",", ""),
                        "referrer.name"),
                List.of(merlin("R-" + System.nanoTime(), "x", "SEVERE"), "policeRiskLevel"))) {
            var problem = client().post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(refused.get(0))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            assertThat((String) problem.get("detail")).contains(refused.get(1));
        }
    }
}
