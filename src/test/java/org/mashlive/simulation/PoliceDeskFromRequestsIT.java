package org.mashlive.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.mashlive.BackendApplication;
import org.mashlive.TestClients;
import org.mashlive.board.api.Agency;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardSnapshot;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Presence;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.WorkType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The police desk on a simulated day, before and after police checks became requests. The simulator,
 * seeded, back-fills a day and runs on live (where the simulated desk allocates checks to officers and
 * records them done); then it stops and the desk's figures are worked out three ways at one instant:
 *
 * <ul>
 *   <li>the old way, kept here: the board events folded as the police desk folded them before, open
 *       police notifications whose card says their checks wait, and who holds each by its allocation
 *       events (the events are the same as before the change, so this is the desk as it was);</li>
 *   <li>from the requests: the police check requests not yet answered, of open referrals, in SQL;</li>
 *   <li>the board's own: a board started from the snapshot the backend assembles now, whose police
 *       desk and partners tile are what the wall shows.</li>
 * </ul>
 *
 * All three must agree, figure for figure.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "spring.main.web-application-type=reactive", "mash.rsocket.port=0",
                "mash.simulation.enabled=true", "mash.simulation.seed=20260302", "mash.simulation.backfill-days=1",
                "mash.simulation.speed=1200", "mash.simulation.contacts-per-year=30000"})
@org.springframework.context.annotation.Import(PoliceDeskFromRequestsIT.WorkingMorning.class)
class PoliceDeskFromRequestsIT {

    /**
     * The backend's clock, running, from a Monday morning: the simulated desk gives checks only to
     * officers on shift, and at night or at a weekend none is, whenever the suite happens to run.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class WorkingMorning {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock workingMorning() {
            var morning = java.time.ZonedDateTime.of(2026, 3, 2, 10, 30, 0, 0, java.time.ZoneId.of("Europe/London"))
                    .toInstant();
            return java.time.Clock.offset(java.time.Clock.systemUTC(),
                    java.time.Duration.between(java.time.Instant.now(), morning));
        }
    }

    // deadlines, not pauses: room for a busy machine
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SimulationLifecycle simulation;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block(WAIT);
    }

    private long lastSeq() {
        return count("SELECT coalesce(max(seq), 0) FROM board_event");
    }

    /** The police desk's check figures, as both ways give them. */
    record Desk(List<String> waiting, Map<String, Long> holders, int unallocated, String oldest) {
    }

    @Test
    void thePoliceDeskFromRequestsIsTheDeskOfBeforeOnTheSameSimulatedDay() {
        await().atMost(Duration.ofMinutes(3)).until(simulation::warm);
        // live, the simulated desk takes checks and records them done: wait until it has done both
        await().atMost(Duration.ofMinutes(3)).until(() ->
                count("SELECT count(*) FROM allocation WHERE work_type = 'POLICE_CHECK'") > 0
                        && count("SELECT count(*) FROM partner_request WHERE kind = 'POLICE_CHECK' "
                        + "AND answered_by = 'simulator'") > 0);
        simulation.stop();
        // steps already under way finish and the board catches up; then nothing moves
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, TestClients.BOARD);
        var seen = new AtomicLong(-1);
        var settled = new AtomicReference<BoardSnapshot>();
        try {
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long last = lastSeq();
                var snapshot = requester.route(BoardRoutes.SNAPSHOT).retrieveMono(BoardSnapshot.class).block(WAIT);
                settled.set(snapshot);
                return last == seen.getAndSet(last) && snapshot.seq() == last;
            });
        } finally {
            requester.dispose();
        }
        BoardSnapshot snapshot = settled.get();
        Instant at = snapshot.at();

        Desk before = before(snapshot.seq());
        Desk fromRequests = fromRequests();
        var board = BoardState.from(snapshot);
        var desk = board.policeDesk(at);
        Desk onTheBoard = new Desk(board.checksWaiting().stream().map(ReferralCard::reference).toList(),
                holders(board), desk.checksUnallocated(),
                desk.oldestWaiting() == null ? null : desk.oldestWaiting().reference());

        // every path of the desk is on this day, so a smaller day still checks them all
        assertThat(before.waiting()).as("a day with police checks waiting").isNotEmpty();
        assertThat(before.holders()).as("some held by an officer").isNotEmpty();
        assertThat(before.unallocated()).as("some held by nobody").isPositive();
        assertThat(count("""
                SELECT count(*) FROM partner_request p JOIN referral r ON r.id = p.referral_id
                WHERE p.kind = 'POLICE_CHECK' AND p.answered_at IS NULL AND r.stage IN ('DECIDED', 'INFORMATION_ONLY')"""))
                .as("and some of decided referrals, which wait no more").isPositive();
        assertThat(count("SELECT count(*) FROM partner_request WHERE kind = 'POLICE_CHECK' AND answered_at IS NOT NULL"))
                .as("and some done").isPositive();
        assertThat(fromRequests).as("from the requests").isEqualTo(before);
        assertThat(onTheBoard).as("on the board").isEqualTo(before);
        assertThat(desk.checksWaiting()).isEqualTo(before.waiting().size());
        assertThat(desk.oldestAge()).isEqualTo(Duration.between(
                board.checksWaiting().getFirst().receivedAt(), at));

        // officers on site holding a waiting check, counted as the desk of before counted them
        var rota = board.rota();
        var busy = new HashSet<>(before.holders().values());
        long onChecks = board.staff().stream()
                .filter(person -> person.role() == StaffRole.MASH_POLICE_OFFICER && busy.contains(person.id()))
                .filter(person -> rota.presence(person, at) != Presence.OFF)
                .count();
        assertThat(desk.onChecks()).isEqualTo((int) onChecks);

        // the partners tile's police row: the checks waiting with the information requests to the police
        var police = board.waitingOnPartners(at).stream().filter(row -> row.agency() == Agency.POLICE)
                .findFirst().orElseThrow();
        var asked = snapshot.partnerRequests().stream().filter(request -> request.agency() == Agency.POLICE)
                .toList();
        var checks = board.checksWaiting();
        assertThat(police.open()).isEqualTo(before.waiting().size() + asked.size());
        assertThat(police.overdue()).isEqualTo(
                (int) (checks.stream().filter(card -> at.isAfter(card.dueAt())).count()
                        + asked.stream().filter(request -> request.overdueAt(at)).count()));
        assertThat(count("""
                SELECT count(*) FROM partner_request p JOIN referral r ON r.id = p.referral_id
                WHERE p.agency = 'POLICE' AND p.answered_at IS NULL AND r.stage NOT IN ('DECIDED', 'INFORMATION_ONLY')"""))
                .as("every request to the police waiting, of open referrals")
                .isEqualTo(police.open());
    }

    /** Who holds each waiting check on the board, by reference. */
    private static Map<String, Long> holders(BoardState board) {
        var holders = new LinkedHashMap<String, Long>();
        for (var card : board.checksWaiting()) {
            board.allocation(WorkType.POLICE_CHECK, card.id()).ifPresent(a -> holders.put(card.reference(), a.staffId()));
        }
        return holders;
    }

    /**
     * The desk as it was worked out before police checks were requests: every board event up to
     * {@code seq} folded as the police desk folded them. An open police notification waits while its
     * latest card says so; a decided one, or one whose checks are done, lets its check's allocation go.
     */
    private Desk before(long seq) {
        var open = new HashMap<Long, ReferralCard>();
        var checkHolders = new HashMap<Long, AllocationCard>();
        db.sql("SELECT seq, type, payload::text AS payload FROM board_event WHERE seq <= :seq ORDER BY seq")
                .bind("seq", seq)
                .map(row -> {
                    var type = BoardEventType.valueOf(row.get("type", String.class));
                    String payload = row.get("payload", String.class);
                    return switch (type.subject()) {
                        case REFERRAL -> json.readValue(payload, ReferralCard.class);
                        case ALLOCATION -> json.readValue(payload, AllocationCard.class);
                        default -> type;
                    };
                })
                .all().collectList().block(WAIT)
                .forEach(card -> {
                    if (card instanceof ReferralCard referral) {
                        if (referral.open()) {
                            open.put(referral.id(), referral);
                        } else {
                            open.remove(referral.id());
                            checkHolders.remove(referral.id());
                        }
                        if (referral.policeCheck() != PoliceCheck.WAITING) {
                            checkHolders.remove(referral.id());
                        }
                    } else if (card instanceof AllocationCard allocation && allocation.workType() == WorkType.POLICE_CHECK) {
                        checkHolders.put(allocation.workId(), allocation);
                    }
                });
        var waiting = open.values().stream()
                .filter(card -> card.open() && card.policeCheck() == PoliceCheck.WAITING)
                .sorted(Comparator.comparing(ReferralCard::receivedAt).thenComparing(ReferralCard::id))
                .toList();
        var holders = new LinkedHashMap<String, Long>();
        int unallocated = 0;
        for (var card : waiting) {
            var holder = checkHolders.get(card.id());
            if (holder == null) {
                unallocated++;
            } else {
                holders.put(card.reference(), holder.staffId());
            }
        }
        return new Desk(waiting.stream().map(ReferralCard::reference).toList(), holders, unallocated,
                waiting.isEmpty() ? null : waiting.getFirst().reference());
    }

    /** The desk from the police check requests not yet answered, of open referrals. */
    private Desk fromRequests() {
        record Row(String reference, Instant requestedAt, Long holder) {
        }
        List<Row> rows = new ArrayList<>(db.sql("""
                        SELECT r.reference, p.requested_at, a.staff_id FROM partner_request p
                        JOIN referral r ON r.id = p.referral_id
                        LEFT JOIN allocation a ON a.work_type = 'POLICE_CHECK' AND a.work_id = p.referral_id
                        WHERE p.kind = 'POLICE_CHECK' AND p.answered_at IS NULL
                          AND r.stage NOT IN ('DECIDED', 'INFORMATION_ONLY')
                        ORDER BY p.requested_at, r.id""")
                .map(row -> new Row(row.get("reference", String.class),
                        row.get("requested_at", OffsetDateTime.class).toInstant(), row.get("staff_id", Long.class)))
                .all().collectList().block(WAIT));
        var holders = new LinkedHashMap<String, Long>();
        rows.stream().filter(row -> row.holder() != null).forEach(row -> holders.put(row.reference(), row.holder()));
        return new Desk(rows.stream().map(Row::reference).toList(), holders,
                (int) rows.stream().filter(row -> row.holder() == null).count(),
                rows.isEmpty() ? null : rows.getFirst().reference());
    }
}
