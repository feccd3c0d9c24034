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

    /** The lines of the list, but for the one that counts the agencies a screen has no room for, and that count at the end of the first. */
    private List<String> lines() {
        return items().filter(item -> !item.hasClassName("more"))
                .map(item -> item.getElement().getChildren().filter(child -> !child.getClassList().contains("more-inline"))
                        .map(child -> child.getTextRecursively()).collect(java.util.stream.Collectors.joining()))
                .toList();
    }

    /** The count of the rest at the end of the first line, for a screen with room for that line only. */
    private String inline() {
        return items().flatMap(item -> item.getElement().getChildren())
                .filter(child -> child.getClassList().contains("more-inline")).map(child -> child.getTextRecursively())
                .collect(java.util.stream.Collectors.joining("|"));
    }

    private java.util.stream.Stream<ListItem> items() {
        return tile.getChildren().filter(child -> child instanceof com.vaadin.flow.component.html.UnorderedList)
                .flatMap(list -> list.getChildren()).map(ListItem.class::cast);
    }

    /** The words of the line counting the agencies not shown, by how many are shown: none without such a line. */
    private Map<String, String> moreLines() {
        return items().filter(item -> item.hasClassName("more"))
                .flatMap(item -> item.getElement().getChildren())
                .collect(java.util.stream.Collectors.toMap(variant -> variant.getAttribute("data-shown"),
                        variant -> variant.getTextRecursively(), (a, b) -> a, java.util.TreeMap::new));
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

    private static PartnersTile.Line line(String agency, int waiting, int overdue) {
        return new PartnersTile.Line(agency.toUpperCase(), agency, Integer.toString(waiting),
                overdue == 0 ? "" : overdue + " overdue", "1 h late", overdue > 0, waiting, overdue);
    }

    @Test
    void theLineForTheAgenciesNotShownCountsThemWhatTheyWaitOnAndWhatOfThatIsOverdue() {
        var lines = List.of(line("Health", 4, 2), line("Police", 3, 1), line("Education", 2, 1), line("Housing", 1, 0));

        assertThat(PartnersTile.more(lines, 0).toString()).isEqualTo("4 agencies · 10 waiting · 4 overdue");
        assertThat(PartnersTile.more(lines, 1).toString()).isEqualTo("+3 more agencies · 6 waiting · 2 overdue");
        assertThat(PartnersTile.more(lines, 2).toString()).isEqualTo("+2 more agencies · 3 waiting · 1 overdue");
        // one agency, none of its requests overdue: no word of overdue
        assertThat(PartnersTile.more(lines, 3)).isEqualTo(new PartnersTile.More("+1 more agency", "1 waiting", ""));
        assertThat(PartnersTile.more(lines, 3).toString()).isEqualTo("+1 more agency · 1 waiting");
    }

    @Test
    void everyNumberOfAgenciesAScreenCanShowHasItsLineForTheRestAndTheyAddUpToTheTitle() {
        var first = Cards.card(1, Source.POLICE, Rag.AMBER, Stage.SCREENING, NOW.minus(Duration.ofDays(3)), NOW);
        var state = board(first);
        // six agencies: two requests each to health and the police, one each to the others, some overdue
        long id = 0;
        for (var agency : List.of(Agency.HEALTH, Agency.HEALTH, Agency.POLICE, Agency.POLICE, Agency.EDUCATION,
                Agency.HOUSING, Agency.PROBATION, Agency.BORDER_FORCE)) {
            id++;
            var dueIn = id % 3 == 0 ? Duration.ofHours(-id) : Duration.ofHours(id);
            apply(state, BoardEventType.PARTNER_REQUESTED,
                    request(id, first, agency, agency == Agency.HEALTH ? HealthService.GP : null,
                            Duration.ofDays(1), dueIn));
        }
        feed.set(state, Liveness.LIVE);

        tile.render(null, NOW);

        assertThat(text("partners-waiting")).isEqualTo("8");
        var shown = lines();
        assertThat(shown).hasSize(6);
        // the most urgent first: the agencies with overdue requests lead, the latest first; then the due soonest
        assertThat(shown).map(line -> line.replaceFirst("\\d.*", "")).containsExactly(
                "Housing", "Police", "Health", "Education", "Probation", "Border Force");
        var more = moreLines();
        assertThat(more).containsOnlyKeys("0", "1", "2", "3", "4", "5");
        assertThat(more.get("0")).isEqualTo("6 agencies · 8 waiting · 2 overdue");
        assertThat(more.get("5")).isEqualTo("+1 more agency · 1 waiting");
        // room for one line: the most urgent agency's, the rest counted at its end
        assertThat(inline()).isEqualTo("+5 more · 7 waiting");
        // whatever the room, the agencies shown and the line for the rest add up to the title
        for (int k = 0; k < shown.size(); k++) {
            var words = more.get(Integer.toString(k));
            int hiddenAgencies = Integer.parseInt(words.replaceFirst("^\\+?(\\d+).*", "$1"));
            int hiddenWaiting = Integer.parseInt(words.replaceFirst(".* (\\d+) waiting.*", "$1"));
            int shownWaiting = shown.subList(0, k).stream()
                    .mapToInt(line -> Integer.parseInt(line.replaceFirst("^\\D+(\\d).*", "$1"))).sum();
            assertThat(k + hiddenAgencies).as(words).isEqualTo(6);
            assertThat(shownWaiting + hiddenWaiting).as(words).isEqualTo(8);
        }
        assertThat(String.join(" ", more.values())).doesNotContain("MASH-").doesNotContain(Cards.INITIALS);
    }

    @Test
    void oneAgencyWaitingHasNoLineForTheRest() {
        var referral = Cards.card(3, Source.HEALTH, Rag.RED, Stage.SCREENING, NOW.minus(Duration.ofHours(2)), NOW);
        var state = board(referral);
        apply(state, BoardEventType.PARTNER_REQUESTED,
                request(1, referral, Agency.EDUCATION, null, Duration.ofHours(1), Duration.ofHours(2)));
        apply(state, BoardEventType.PARTNER_REQUESTED,
                request(2, referral, Agency.EDUCATION, null, Duration.ofHours(1), Duration.ofHours(3)));
        feed.set(state, Liveness.LIVE);

        tile.render(null, NOW);

        assertThat(lines()).containsExactly("Education2oldest due in 2 h");
        assertThat(moreLines()).isEmpty();
        assertThat(inline()).isEmpty();
        assertThat(items().filter(item -> item.hasClassName("more"))).isEmpty();
    }
}
