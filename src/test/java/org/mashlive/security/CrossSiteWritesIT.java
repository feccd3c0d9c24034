package org.mashlive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a page on another site can make a browser send, with the browser's HTTP Basic credentials for
 * the backend: a form (urlencoded, multipart or text/plain) or a body-less POST. Each is refused
 * before it reaches the handler; a JSON body or the client header lets a program through. And no 401
 * carries the Basic challenge that would make a browser remember credentials in the first place.
 */
@BackendTest
class CrossSiteWritesIT {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    /** What a browser sends: the duty lead's Basic credentials, and no client header. */
    private WebTestClient browser() {
        String basic = Base64.getEncoder().encodeToString(("duty.lead:demo").getBytes(StandardCharsets.UTF_8));
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic).build();
    }

    private long newPerson() {
        var person = TestClients.webTest(port).post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"displayName": "C. Forge", "role": "SOCIAL_WORKER", "team": "MASH", "contract": "FULL_TIME"}""")
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        return ((Number) person.get("id")).longValue();
    }

    private boolean active(long id) {
        var everyone = TestClients.webTest(port).get().uri("/api/staff?all=true").exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        return everyone.stream().filter(person -> ((Number) person.get("id")).longValue() == id)
                .map(person -> (Boolean) person.get("active")).findFirst().orElseThrow();
    }

    @Test
    void aBodylessPostWithTheBrowsersCredentialsIsRefusedAndChangesNothing() {
        long id = newPerson();

        var problem = browser().post().uri("/api/staff/{id}/end-employment", id).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(problem.get("detail")).asString()
                .contains("POST /api/staff/" + id + "/end-employment")
                .contains("Content-Type: application/json").contains("X-MASH-Client");
        assertThat(active(id)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
            "text/plain; application/json", "application/jsonp"})
    void whatAFormCanSendIsRefused(String contentType) {
        long id = newPerson();

        browser().post().uri("/api/staff/{id}/end-employment", id).header(HttpHeaders.CONTENT_TYPE, contentType)
                .bodyValue("{\"x\": 1}").exchange()
                .expectStatus().isForbidden();
        browser().put().uri("/api/staff/{id}", id).header(HttpHeaders.CONTENT_TYPE, contentType)
                .bodyValue("""
                        {"displayName": "Forged", "role": "SOCIAL_WORKER", "team": "MASH", "contract": "FULL_TIME"}""")
                .exchange().expectStatus().isForbidden();

        assertThat(active(id)).isTrue();
    }

    @Test
    void aJsonContentTypeOrTheClientHeaderLetsAProgramThrough() {
        long first = newPerson();
        browser().post().uri("/api/staff/{id}/end-employment", first)
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk();
        assertThat(active(first)).isFalse();

        long second = newPerson();
        browser().post().uri("/api/staff/{id}/end-employment", second)
                .header(CrossSiteWrites.HEADER, "rota-sync").exchange()
                .expectStatus().isOk();
        assertThat(active(second)).isFalse();
    }

    @Test
    void readingNeedsNeither() {
        browser().get().uri("/api/staff").exchange().expectStatus().isOk();
    }

    @Test
    void aRefusalToSignInCarriesNoChallengeABrowserWouldAnswer() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/staff").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }
}
