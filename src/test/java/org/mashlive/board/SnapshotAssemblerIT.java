package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.referral.ReferralSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

/**
 * The snapshot a board starts from, read from the real database: each open card's flags, and today's
 * health contacts by the part of health they came from.
 */
@BackendTest
class SnapshotAssemblerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int httpPort;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    ApplicationContext context;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    private BoardSnapshot snapshot() {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.BOARD);
        opened.add(requester);
        return requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT);
    }

    private ReferralSummary health(String healthType, String flags) {
        String type = healthType == null ? "" : "\"healthType\": \"" + healthType + "\",";
        return TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"channel": "PORTAL", "source": "HEALTH", %s
                         "child": {"firstName": "Snap", "lastName": "Shot%d", "dateOfBirth": "2019-05-06"},
                         "concern": "Missed appointments.", "flags": [%s]}"""
                        .formatted(type, System.nanoTime(), flags))
                .retrieve().bodyToMono(ReferralSummary.class).block(WAIT);
    }

    private static int count(Map<String, Integer> byType, String type) {
        return byType.getOrDefault(type, 0);
    }

    @Test
    void carriesTodaysHealthContactsByPartOfHealthAndEachCardsFlags() {
        var before = snapshot().healthArrivals();
        var gp = health("GP", "\"SEND\", \"NON_VERBAL\"");
        health("GP", "");
        health("CAMHS", "\"ASD_CONCERN\"");
        health(null, "");

        var after = snapshot();
        assertThat(count(after.healthArrivals(), "GP")).isEqualTo(count(before, "GP") + 2);
        assertThat(count(after.healthArrivals(), "CAMHS")).isEqualTo(count(before, "CAMHS") + 1);
        assertThat(after.healthArrivals().values().stream().mapToInt(Integer::intValue).sum())
                .as("a health contact that did not say which part is not counted by part")
                .isEqualTo(before.values().stream().mapToInt(Integer::intValue).sum() + 3);
        var card = after.open().stream().filter(c -> c.reference().equals(gp.reference())).findFirst().orElseThrow();
        assertThat(card.flags()).containsExactlyInAnyOrder(Flag.SEND, Flag.NON_VERBAL);
        assertThat(card.healthType()).isEqualTo("GP");
        assertThat(after.open()).extracting(ReferralCard::flags).isNotEmpty();
    }

    @Test
    void theCardsOfTheChildrenOfOneContactShareItsContact() {
        var household = TestClients.web(httpPort).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"externalRef": "MERLIN-SIBS-%d", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                         "children": [
                           {"firstName": "Ann", "lastName": "Sibling", "dateOfBirth": "2014-01-02"},
                           {"firstName": "Ben", "lastName": "Sibling", "dateOfBirth": "2016-03-04"},
                           {"firstName": "Cat", "lastName": "Sibling", "dateOfBirth": "2019-05-06"}],
                         "concern": "Domestic abuse incident; three children present."}""".formatted(System.nanoTime()))
                .retrieve().bodyToMono(new org.springframework.core.ParameterizedTypeReference<
                        Map<String, List<ReferralSummary>>>() { }).block(WAIT).get("referrals");
        var alone = health("GP", "");
        var references = household.stream().map(ReferralSummary::reference).toList();

        var open = snapshot().open();
        var contacts = open.stream().filter(card -> references.contains(card.reference()))
                .map(ReferralCard::contactId).toList();
        assertThat(contacts).hasSize(3).doesNotContainNull();
        assertThat(java.util.Set.copyOf(contacts)).hasSize(1);
        var other = open.stream().filter(card -> card.reference().equals(alone.reference())).findFirst().orElseThrow();
        assertThat(other.contactId()).isNotNull().isNotEqualTo(contacts.getFirst());
    }
}
