package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.TestReferrals;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The request metrics the platform dashboard reads are kept, and Spring Security's own
 * observations of every filter, sign-in and access decision are not made: they cost about a tenth
 * of the backend's CPU per intake and nothing reads them.
 */
@BackendTest
class SecurityObservationsIT {

    @LocalServerPort
    int port;

    @Test
    void anIntakeIsCountedAsARequestButNotObservedFilterByFilter() {
        TestClients.webTest(port).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police())
                .exchange().expectStatus().isCreated();
        // a refused sign-in and a refused access are not observed either
        TestClients.webTest(port, TestClients.demoUser("nobody.known")).get().uri("/api/board")
                .exchange().expectStatus().isUnauthorized();

        String scraped = TestClients.webTest(port, TestClients.NOBODY).get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scraped)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/referrals\"")
                .doesNotContain("spring_security_");
    }
}
