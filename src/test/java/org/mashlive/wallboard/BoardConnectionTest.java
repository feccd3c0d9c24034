package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardEvent;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

import reactor.core.Disposable;

class BoardConnectionTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private TestBoardServer server;
    private BoardConnection connection;
    private Disposable counting;
    private final AtomicInteger changes = new AtomicInteger();
    private final java.util.Queue<Change> signalled = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @BeforeEach
    void startServer() {
        server = TestBoardServer.start();
    }

    @AfterEach
    void stopAll() {
        if (counting != null) {
            counting.dispose();
        }
        if (connection != null) {
            connection.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private void connect(Duration staleAfter) {
        var settings = new BackendProperties("127.0.0.1", server.port(), staleAfter,
                Duration.ofMillis(50), Duration.ofMillis(200), null, null, null);
        connection = new BoardConnection(TestBoardServer.STRATEGIES, settings, BackendCredentials.none(), clock);
        counting = connection.changes().subscribe(change -> {
            signalled.add(change);
            changes.incrementAndGet();
        });
        connection.start();
    }

    private BoardStreamRequest nextRequest() throws InterruptedException {
        var request = server.requests.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("a board.stream request").isNotNull();
        return request;
    }

    private static BoardUpdate snapshotAt(long seq) {
        var card = Cards.card(1, Source.POLICE, Rag.RED, Stage.SCREENING, T0.minusSeconds(600), T0.plusSeconds(3600));
        return BoardUpdate.of(Cards.snapshot(seq, T0, List.of(card), Map.of(Source.POLICE, 1), List.of()));
    }

    private static BoardUpdate received(long seq) {
        var card = Cards.card(seq, Source.HEALTH, Rag.AMBER, Stage.RECEIVED, T0.plusSeconds(seq), T0.plusSeconds(86_400));
        return BoardUpdate.of(Cards.received(seq, card));
    }

    private Optional<Long> appliedSeq() {
        return connection.read(BoardState::seq);
    }

    @Test
    void isStaleSinceStartUntilTheFirstItemThenFollowsTheSnapshotAndEvents() throws Exception {
        connect(Duration.ofSeconds(10));
        assertThat(connection.liveness()).isEqualTo(Liveness.staleSince(T0));
        assertThat(connection.read(BoardState::seq)).isEmpty();

        assertThat(nextRequest().lastSeq()).as("a fresh start asks for a snapshot").isNull();
        server.send(snapshotAt(10));
        server.send(received(11));
        server.send(received(12));
        server.send(received(12)); // a duplicate is harmless

        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(12L)));
        assertThat(connection.liveness().live()).isTrue();
        assertThat(connection.read(BoardState::openCount)).contains(3);
        assertThat(connection.read(state -> state.count(Stage.RECEIVED, Rag.AMBER))).contains(2);
        assertThat(connection.read(state -> state.arrivals().get(Source.HEALTH))).contains(2);
        assertThat(changes.get()).as("views were told of the changes").isPositive();
    }

    @Test
    void goesStaleWhenTheServerDropsAndResumesFromItsLastSeqOnANewServer() throws Exception {
        connect(Duration.ofSeconds(10));
        nextRequest();
        server.send(snapshotAt(20));
        server.send(received(21));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(21L)));
        assertThat(connection.liveness().live()).isTrue();

        Instant dropped = T0.plusSeconds(3600);
        clock.set(dropped);
        int port = server.port();
        server.close();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !connection.liveness().live());
        assertThat(connection.liveness().staleSince()).isEqualTo(dropped);

        // failed reconnection attempts while the backend is away do not move "since"
        clock.set(dropped.plusSeconds(120));
        await().pollDelay(Duration.ofMillis(400)).atMost(5, TimeUnit.SECONDS)
                .until(() -> connection.liveness().equals(Liveness.staleSince(dropped)));
        assertThat(appliedSeq()).as("the figures are kept while stale").contains(21L);

        server = TestBoardServer.startOn(port);
        assertThat(nextRequest().lastSeq()).as("resumes from the last seq applied").isEqualTo(21L);
        server.send(received(22));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(22L)));
        assertThat(connection.liveness()).isEqualTo(Liveness.LIVE);
    }

    @Test
    void resubscribesFromItsLastSeqWhenEventsGoMissingWithoutGoingStale() throws Exception {
        connect(Duration.ofSeconds(10));
        nextRequest();
        server.send(snapshotAt(30));
        server.send(received(31));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(31L)));

        server.send(received(33)); // 32 was lost on the way
        assertThat(nextRequest().lastSeq()).isEqualTo(31L);
        assertThat(appliedSeq()).as("the event after the gap is not applied").contains(31L);
        assertThat(connection.liveness().live()).isTrue();

        server.send(received(32));
        server.send(received(33));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(33L)));
        assertThat(connection.liveness().live()).isTrue();
    }

    @Test
    void eventsSentTogetherAreAppliedInOrderAsOneChangeAndAGapBeforeThemIsCaught() throws Exception {
        connect(Duration.ofSeconds(10));
        nextRequest();
        server.send(snapshotAt(60));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(60L)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> changes.get() > 0);
        int before = changes.get();

        server.send(together(61, 63));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(63L)));
        assertThat(connection.read(BoardState::openCount)).as("the snapshot's one and three more").contains(4);
        assertThat(changes.get()).as("one change for the three").isEqualTo(before + 1);

        server.send(together(62, 64)); // two of them known already, the third new
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(64L)));
        assertThat(connection.read(BoardState::openCount)).contains(5);

        server.send(together(66, 67)); // 65 was lost on the way
        assertThat(nextRequest().lastSeq()).isEqualTo(64L);
        assertThat(appliedSeq()).as("nothing after the gap is applied").contains(64L);
    }

    /** The events from {@code first} to {@code last}, sent together as one update. */
    private static BoardUpdate together(long first, long last) {
        return BoardUpdate.of(java.util.stream.LongStream.rangeClosed(first, last)
                .mapToObj(seq -> received(seq).event()).toList());
    }

    /** A partner asked about the snapshot's referral, as an event of {@code type}. */
    private static org.mashlive.board.api.BoardEvent partner(long seq, org.mashlive.board.api.BoardEventType type) {
        var request = new org.mashlive.board.api.PartnerRequestCard(seq, 1, Cards.reference(1),
                org.mashlive.board.api.Agency.EDUCATION, null, Rag.RED, T0, T0.plusSeconds(86_400), 0, null, null, false);
        return org.mashlive.board.api.BoardEvent.of(seq, T0.plusSeconds(seq), type, request);
    }

    /** The changes signalled once the board has applied {@code seq}, waiting for the one that follows it. */
    private List<Change> signalledUpTo(long seq, int count) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(seq)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> signalled.size() >= count);
        return List.copyOf(signalled);
    }

    /** Referral 1 of {@link #snapshotAt(long)}, as event {@code seq} of {@code type} leaves it. */
    private static BoardUpdate casework(long seq, org.mashlive.board.api.BoardEventType type, Rag rag, Stage stage) {
        var card = Cards.card(1, Source.POLICE, rag, stage, T0.minusSeconds(600), T0.plusSeconds(3600));
        return BoardUpdate.of(new BoardEvent(seq, T0.plusSeconds(seq), type, card));
    }

    @Test
    void workMovedAlongIsRoutineAndNewWorkOrChangedRiskIsNot() throws Exception {
        connect(Duration.ofSeconds(10));
        nextRequest();
        server.send(snapshotAt(80));
        int before = signalledUpTo(80, 1).size();

        server.send(casework(81, BoardEventType.STAGE_CHANGED, Rag.RED,
                Stage.INFORMATION_GATHERING));
        server.send(casework(82, BoardEventType.POLICE_CHECK_DONE, Rag.RED,
                Stage.INFORMATION_GATHERING));
        server.send(casework(83, BoardEventType.RAG_CHANGED, Rag.AMBER,
                Stage.INFORMATION_GATHERING));
        server.send(BoardUpdate.of(List.of(
                casework(84, BoardEventType.STAGE_CHANGED, Rag.AMBER, Stage.AWAITING_DECISION)
                        .event(),
                received(85).event())));
        server.send(casework(86, BoardEventType.REFERRAL_DECIDED, Rag.AMBER, Stage.DECIDED));
        var all = signalledUpTo(86, before + 5);
        assertThat(all.subList(before, all.size())).extracting(Change::routine)
                .as("a stage moved; police checks done; re-rated; a stage moved and a referral received together; "
                        + "decided")
                .containsExactly(true, true, false, false, true);
    }

    @Test
    void partnerFiguresAreRoutineAndAReferralReceivedWithThemIsNot() throws Exception {
        connect(Duration.ofSeconds(10));
        nextRequest();
        server.send(snapshotAt(70));
        var first = signalledUpTo(70, 1);
        assertThat(first).extracting(Change::routine).as("a snapshot, and the stream live").containsOnly(false);
        int before = first.size();

        server.send(BoardUpdate.of(partner(71, org.mashlive.board.api.BoardEventType.PARTNER_REQUESTED)));
        server.send(BoardUpdate.of(List.of(partner(72, org.mashlive.board.api.BoardEventType.PARTNER_CHASED),
                partner(73, org.mashlive.board.api.BoardEventType.PARTNER_ANSWERED))));
        server.send(received(74));
        server.send(BoardUpdate.of(List.of(partner(75, org.mashlive.board.api.BoardEventType.PARTNER_REQUESTED),
                received(76).event())));
        var all = signalledUpTo(76, before + 4);
        assertThat(all.subList(before, all.size())).extracting(Change::routine)
                .as("asked; chased and answered together; a referral received; asked and received together")
                .containsExactly(true, true, false, false);
        assertThat(all).extracting(Change::revision).as("revisions count up from one")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
    }

    @Test
    void aHeartbeatAheadOfTheStateIsAGapToo() throws Exception {
        connect(Duration.ofSeconds(10));
        nextRequest();
        server.send(snapshotAt(40));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(40L)));

        server.send(BoardUpdate.heartbeat(40, T0));
        server.send(BoardUpdate.heartbeat(42, T0));
        assertThat(nextRequest().lastSeq()).isEqualTo(40L);
    }

    @Test
    void goesStaleSinceItLastHeardWhenTheStreamFallsSilent() throws Exception {
        connect(Duration.ofMillis(500));
        nextRequest();
        Instant lastHeard = T0.plusSeconds(5);
        clock.set(lastHeard);
        server.send(snapshotAt(50));
        await().atMost(5, TimeUnit.SECONDS).until(() -> appliedSeq().equals(Optional.of(50L)));
        clock.set(lastHeard.plusSeconds(30)); // when the silence is noticed

        await().atMost(5, TimeUnit.SECONDS).until(() -> !connection.liveness().live());
        assertThat(connection.liveness().staleSince()).isEqualTo(lastHeard);
        assertThat(nextRequest().lastSeq()).as("it reconnects after the silence").isEqualTo(50L);
    }

    @Test
    void backsOffExponentiallyWithJitterUpToTheMaximum() {
        var settings = new BackendProperties("localhost", 7000, Duration.ofSeconds(15),
                Duration.ofMillis(500), Duration.ofSeconds(10), null, null, null);
        var idle = new BoardConnection(TestBoardServer.STRATEGIES, settings, BackendCredentials.none(), clock);
        for (int i = 0; i < 50; i++) {
            assertThat(idle.backoff(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(idle.backoff(3)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
            assertThat(idle.backoff(40)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }
}
