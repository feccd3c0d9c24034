package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.HealthService;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PartnerRequestCard;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;
import org.mashlive.wallboard.Cards;
import org.mashlive.wallboard.Liveness;
import org.mashlive.wallboard.TestBoardFeed;

import com.vaadin.flow.component.html.ListItem;

/**
 * The "waiting on partners" tile from a board state: counts in the title, one line per agency with
 * any waiting, the most overdue first, the oldest against its due time in words; answered requests and
 * requests of decided referrals leave it; no name or reference anywhere.
 */
class PartnersTileTest {

    static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

    private final TestBoardFeed feed = new TestBoardFeed();
    private final PartnersTile tile = new PartnersTile(feed);
    private long seq = 10;

    private static PartnerRequestCard request(long id, ReferralCard referral, Agency agency, HealthService service,
                                              Duration askedAgo, Duration dueIn) {
        return new PartnerRequestCard(id, referral.id(), referral.reference(), agency, service, Rag.AMBER,
                NOW.minus(askedAgo), NOW.plus(dueIn), 0, null, null, false);
    }

    private BoardState board(ReferralCard... open) {
        return BoardState.from(Cards.snapshot(seq, NOW, List.of(open), Map.of(), List.of()));
    }

    private void apply(BoardState state, BoardEventType type, PartnerRequestCard request) {
        assertThat(state.apply(BoardEvent.of(++seq, NOW, type, request))).isEqualTo(BoardState.Applied.APPLIED);
    }

    private List<String> lines() {
        return tile.getChildren().filter(child -> child instanceof com.vaadin.flow.component.html.UnorderedList)
                .flatMap(list -> list.getChildren()).map(item -> ((ListItem) item).getElement().getTextRecursively())
                .toList();
    }

    private String text(String id) {
        return tile.getElement().getChildren().flatMap(child -> java.util.stream.Stream.concat(java.util.stream.Stream.of(child),
                        child.getChildren()))
                .filter(element -> id.equals(element.getAttribute("id"))).findFirst()
                .map(element -> element.getTextRecursively()).orElseThrow();
    }

    @Test
    void countsEachAgencyTheMostOverdueFirstWithTheOldestAgainstItsDueTime() {
        var first = Cards.card(1, Source.POLICE, Rag.AMBER, Stage.SCREENING, NOW.minus(Duration.ofDays(3)), NOW);
        var second = Cards.card(2, Source.HEALTH, Rag.RED, Stage.RECEIVED, NOW.minus(Duration.ofHours(5)), NOW);
        var state = board(first, second);
        apply(state, BoardEventType.PARTNER_REQUESTED,
                request(1, first, Agency.HEALTH, HealthService.GP, Duration.ofDays(3), Duration.ofDays(-1)));
        apply(state, BoardEventType.PARTNER_REQUESTED,
                request(2, second, Agency.HEALTH, HealthService.HEALTH_VISITING, Duration.ofHours(4), Duration.ofHours(20)));
        apply(state, BoardEventType.PARTNER_REQUESTED,
                request(3, first, Agency.POLICE, null, Duration.ofHours(6), Duration.ofHours(-2)));
        apply(state, BoardEventType.PARTNER_REQUESTED,
                request(4, second, Agency.EDUCATION, null, Duration.ofHours(1), Duration.ofHours(3)));
        // answered, with nothing held: no longer waited for
        var answered = request(5, second, Agency.HOUSING, null, Duration.ofHours(2), Duration.ofHours(10));
        apply(state, BoardEventType.PARTNER_REQUESTED, answered);
        apply(state, BoardEventType.PARTNER_ANSWERED, new PartnerRequestCard(5, second.id(), second.reference(),
                Agency.HOUSING, null, Rag.AMBER, answered.requestedAt(), answered.dueAt(), 0, null, NOW, true));
        feed.set(state, Liveness.LIVE);

        tile.render(null, NOW);

        assertThat(text("partners-waiting")).isEqualTo("4");
        assertThat(text("partners-overdue")).isEqualTo("· 2 overdue");
        assertThat(tile.hasClassName("has-overdue")).isTrue();
        // health: two waiting, the GP's a day late; the police two hours late; education due in three hours
        assertThat(lines()).containsExactly(
                "Health21 overdueoldest 1 d late",
                "Police11 overdueoldest 2 h late",
                "Education1oldest due in 3 h");
        assertThat(String.join(" ", lines())).doesNotContain("MASH-").doesNotContain(Cards.INITIALS);
    }

    @Test
    void aRequestLeavesTheTileWhenAnsweredOrItsReferralIsDecided() {
        var referral = Cards.card(7, Source.EDUCATION, Rag.GREEN, Stage.SCREENING, NOW.minus(Duration.ofDays(1)), NOW);
        var state = board(referral);
        var asked = request(9, referral, Agency.PROBATION, null, Duration.ofHours(3), Duration.ofHours(1));
        apply(state, BoardEventType.PARTNER_REQUESTED, asked);
        apply(state, BoardEventType.PARTNER_CHASED, new PartnerRequestCard(9, referral.id(), referral.reference(),
                Agency.PROBATION, null, Rag.AMBER, asked.requestedAt(), asked.dueAt(), 1, NOW, null, false));
        feed.set(state, Liveness.LIVE);
        tile.render(null, NOW);
        assertThat(lines()).containsExactly("Probation1oldest due in 1 h");

        // at its due time it is not yet late; a minute after, it is
        tile.render(null, asked.dueAt());
        assertThat(text("partners-overdue")).isEmpty();
        tile.render(null, asked.dueAt().plusSeconds(60));
        assertThat(text("partners-overdue")).isEqualTo("· 1 overdue");
        assertThat(lines()).containsExactly("Probation11 overdueoldest 1 m late");

        var decided = new ReferralCard(referral.id(), referral.reference(), referral.receivedAt(), referral.channel(),
                referral.source(), referral.initials(), referral.childKey(), referral.rag(), Stage.DECIDED,
                referral.flags(), false, referral.dueAt(), Outcome.NO_FURTHER_ACTION, NOW, referral.policeCheck(),
                referral.decisionDueAt(), null, null);
        assertThat(state.apply(new BoardEvent(++seq, NOW, BoardEventType.REFERRAL_DECIDED, decided)))
                .isEqualTo(BoardState.Applied.APPLIED);
        tile.render(null, NOW);
        assertThat(text("partners-waiting")).isEqualTo("0");
        assertThat(lines()).containsExactly("Nothing waiting");
    }
}
