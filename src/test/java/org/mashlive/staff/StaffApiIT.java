package org.mashlive.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mashlive.BackendTest;
import org.mashlive.TestClients;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.BoardStreamRequest;
import org.mashlive.board.api.BoardUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The staff API over real HTTP on the embedded PostgreSQL, and its events on the real board stream. */
@BackendTest
class StaffApiIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    RSocketRequester.Builder requesters;

    @Autowired
    DatabaseClient db;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    WebTestClient client() {
        return TestClients.webTest(port);
    }

    long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block(WAIT);
    }

    /** Rows of every table a staff change writes, in one string to compare before and after. */
    String rows() {
        return List.of("staff", "shift", "establishment", "board_event").stream()
                .map(table -> table + "=" + count(table)).toList().toString();
    }

    Map<String, Object> send(String method, String uri, String body, HttpStatus expected) {
        var spec = client().method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri);
        var exchange = body == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().isEqualTo(expected).expectBody(MAP).returnResult().getResponseBody();
    }

    long hire(String name, String role) {
        var body = """
                {"displayName": "%s", "role": "%s", "team": "MASH", "contract": "FULL_TIME"}""".formatted(name, role);
        return ((Number) send("POST", "/api/staff", body, HttpStatus.CREATED).get("id")).longValue();
    }

    Map<String, Object> addShift(long staffId, Instant start, Instant end, HttpStatus expected) {
        return send("POST", "/api/shifts", """
                {"staffId": %d, "start": "%s", "end": "%s"}""".formatted(staffId, start, end), expected);
    }

    @Test
    void aPersonIsTakenOnListedAndEndedAndTheirFutureShiftsGo() {
        var created = client().post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"displayName": "R. Quayle", "role": "SOCIAL_WORKER", "team": "MASH social work",
                         "contract": "PART_TIME", "fte": 0.6}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/staff/\\d+")
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(created).containsEntry("displayName", "R. Quayle").containsEntry("presence", "OFF")
                .containsEntry("active", true);
        assertThat(((Number) created.get("fte")).doubleValue()).isEqualTo(0.6);
        long id = ((Number) created.get("id")).longValue();
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        addShift(id, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(8)),
                HttpStatus.CREATED);

        var listed = client().get().uri("/api/staff").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(listed).anySatisfy(person -> assertThat(person).containsEntry("id", (int) id));

        var ended = send("POST", "/api/staff/" + id + "/end-employment", null, HttpStatus.OK);
        assertThat(ended).containsEntry("active", false).containsKey("leftAt");
        assertThat(db.sql("SELECT count(*) FROM shift WHERE staff_id = " + id).map(row -> row.get(0, Long.class))
                .one().block(WAIT)).isZero();
        var afterwards = client().get().uri("/api/staff").exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(afterwards).noneSatisfy(person -> assertThat(person).containsEntry("id", (int) id));
        send("PUT", "/api/staff/" + id, """
                {"displayName": "R. Quayle", "role": "SOCIAL_WORKER", "team": "T", "contract": "FULL_TIME"}""",
                HttpStatus.CONFLICT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "displayName | {\"role\": \"SOCIAL_WORKER\", \"team\": \"T\", \"contract\": \"FULL_TIME\"}",
            "role        | {\"displayName\": \"A. B\", \"role\": \"WIZARD\", \"team\": \"T\", \"contract\": \"FULL_TIME\"}",
            "team        | {\"displayName\": \"A. B\", \"role\": \"SOCIAL_WORKER\", \"team\": \" \", \"contract\": \"FULL_TIME\"}",
            "contract    | {\"displayName\": \"A. B\", \"role\": \"SOCIAL_WORKER\", \"team\": \"T\"}",
            "fte         | {\"displayName\": \"A. B\", \"role\": \"SOCIAL_WORKER\", \"team\": \"T\", \"contract\": \"PART_TIME\", \"fte\": 1.5}",
            "fte         | {\"displayName\": \"A. B\", \"role\": \"SOCIAL_WORKER\", \"team\": \"T\", \"contract\": \"FULL_TIME\", \"fte\": 0.5}",
            "fte         | {\"displayName\": \"A. B\", \"role\": \"SOCIAL_WORKER\", \"team\": \"T\", \"contract\": \"LEAN\", \"fte\": \"lots\"}"})
    void aBadPersonIsRefusedNamingTheFieldAndWritesNothing(String field, String body) {
        var before = rows();
        client().post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(field));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void badShiftsAreRefusedNamingTheFieldAndWriteNothing() {
        long id = hire("S. Bad", "SOCIAL_WORKER");
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var before = rows();

        assertThat(addShift(id, now, now.minus(Duration.ofHours(1)), HttpStatus.BAD_REQUEST).toString())
                .contains("field=end").contains("after start");
        assertThat(addShift(id, now, now.plus(Duration.ofHours(25)), HttpStatus.BAD_REQUEST).toString())
                .contains("field=end").contains("24 hours");
        assertThat(addShift(987654321L, now, now.plus(Duration.ofHours(8)), HttpStatus.BAD_REQUEST).toString())
                .contains("field=staffId");
        assertThat(send("POST", "/api/shifts", "{\"staffId\": " + id + ", \"start\": \"tomorrow\", \"end\": \""
                + now + "\"}", HttpStatus.BAD_REQUEST).toString()).contains("field=start");
        assertThat(send("PUT", "/api/establishment/WIZARD", "{\"fundedFte\": 2}", HttpStatus.BAD_REQUEST).toString())
                .contains("field=role");
        assertThat(send("PUT", "/api/establishment/SOCIAL_WORKER", "{\"fundedFte\": -1}", HttpStatus.BAD_REQUEST)
                .toString()).contains("field=fundedFte");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anOverlappingShiftIsRefusedWith409SayingWhichShiftItClashesWith() {
        long id = hire("T. Overlap", "OOH_DUTY_SOCIAL_WORKER");
        var start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
        var first = addShift(id, start, start.plus(Duration.ofHours(16)), HttpStatus.CREATED);
        assertThat(first).containsKeys("startLocal", "endLocal");
        var before = rows();

        var refused = client().post().uri("/api/shifts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"staffId\": %d, \"start\": \"%s\", \"end\": \"%s\"}".formatted(id,
                        start.plus(Duration.ofHours(15)), start.plus(Duration.ofHours(20))))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(refused.get("detail").toString()).contains("T. Overlap already has shift " + first.get("id"))
                .contains("overlaps");
        assertThat(rows()).isEqualTo(before);
        // touching end to start is no overlap
        addShift(id, start.plus(Duration.ofHours(16)), start.plus(Duration.ofHours(20)), HttpStatus.CREATED);
        send("DELETE", "/api/shifts/" + first.get("id"), null, HttpStatus.NO_CONTENT);
        send("DELETE", "/api/shifts/" + first.get("id"), null, HttpStatus.NOT_FOUND);
    }

    @Test
    void aBreakNeedsAShiftAndShowsInThePresence() {
        long id = hire("U. Break", "MASH_POLICE_OFFICER");
        var before = rows();
        assertThat(send("PUT", "/api/staff/" + id + "/break", "{\"onBreak\": true}", HttpStatus.CONFLICT)
                .get("detail").toString()).contains("not on shift");
        assertThat(rows()).isEqualTo(before);

        var now = Instant.now();
        addShift(id, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(4)), HttpStatus.CREATED);
        assertThat(send("GET", "/api/staff/" + id, null, HttpStatus.OK)).containsEntry("presence", "ON_SHIFT");
        assertThat(send("PUT", "/api/staff/" + id + "/break", "{\"onBreak\": true}", HttpStatus.OK))
                .containsEntry("presence", "ON_BREAK").containsKey("breakSince");
        assertThat(send("PUT", "/api/staff/" + id + "/break", "{\"onBreak\": false}", HttpStatus.OK))
                .containsEntry("presence", "ON_SHIFT");
        var cover = send("GET", "/api/staff/cover", null, HttpStatus.OK);
        assertThat(cover).containsKeys("coreHours", "covering", "gaps", "officers");
    }

    @Test
    void theEstablishmentCountsThePeopleInPostAgainstTheFundedPosts() {
        var before = send("GET", "/api/establishment", null, HttpStatus.OK);
        double inPostBefore = line(before, "EARLY_HELP_WORKER").get("inPostFte") instanceof Number n ? n.doubleValue() : -1;
        send("POST", "/api/staff", """
                {"displayName": "V. Lean", "role": "EARLY_HELP_WORKER", "team": "EH", "contract": "LEAN", "fte": 0.4}""",
                HttpStatus.CREATED);

        var after = send("PUT", "/api/establishment/EARLY_HELP_WORKER", "{\"fundedFte\": 20.5}", HttpStatus.OK);

        var line = line(after, "EARLY_HELP_WORKER");
        assertThat(((Number) line.get("fundedFte")).doubleValue()).isEqualTo(20.5);
        assertThat(((Number) line.get("inPostFte")).doubleValue()).isCloseTo(inPostBefore + 0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((Number) line.get("vacancyFte")).doubleValue())
                .isCloseTo(20.5 - inPostBefore - 0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> establishment, String role) {
        return ((List<Map<String, Object>>) establishment.get("roles")).stream()
                .filter(line -> role.equals(line.get("role"))).findFirst().orElseThrow();
    }

    @Test
    void aStaffChangeAndAShiftReachABoardStreamSubscriber() {
        var requester = TestClients.rsocket(requesters, rsocketPort, MediaType.APPLICATION_JSON);
        opened.add(requester);
        var seq = new AtomicLong();
        var id = new AtomicLong();
        var heardId = new AtomicLong();
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StepVerifier.create(requester.route(BoardRoutes.STREAM).data(BoardStreamRequest.fresh())
                        .retrieveFlux(BoardUpdate.class).concatMapIterable(TestClients::oneByOne)
                        .filter(update -> update.kind() != BoardUpdate.Kind.HEARTBEAT))
                .assertNext(update -> {
                    assertThat(update.kind()).isEqualTo(BoardUpdate.Kind.SNAPSHOT);
                    assertThat(update.snapshot().rota().policeOfficersMax()).isEqualTo(11);
                    assertThat(update.snapshot().rota().coreHours().dayStart()).hasToString("08:45");
                    seq.set(update.seq());
                })
                .then(() -> id.set(hire("W. Stream", "MASH_POLICE_OFFICER")))
                .assertNext(update -> {
                    assertThat(update.seq()).isEqualTo(seq.get() + 1);
                    assertThat(update.event().type()).isEqualTo(BoardEventType.STAFF_CHANGED);
                    assertThat(update.event().staff().displayName()).isEqualTo("W. Stream");
                    // the event may overtake the HTTP answer: compare ids once both are in
                    heardId.set(update.event().staff().id());
                    assertThat(update.event().referral()).isNull();
                })
                .then(() -> addShift(id.get(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7)),
                        HttpStatus.CREATED))
                .assertNext(update -> {
                    assertThat(update.event().type()).isEqualTo(BoardEventType.SHIFT_ADDED);
                    assertThat(update.event().shift().staffId()).isEqualTo(id.get());
                    assertThat(update.event().shift().start()).isEqualTo(now.minus(Duration.ofHours(1)));
                })
                .thenCancel()
                .verify(WAIT);

        assertThat(heardId.get()).isEqualTo(id.get());
        // a fresh snapshot has the person and the shift
        var snapshot = requester.route(BoardRoutes.SNAPSHOT)
                .retrieveMono(org.mashlive.board.api.BoardSnapshot.class).block(WAIT);
        assertThat(snapshot.staff()).anySatisfy(person -> assertThat(person.id()).isEqualTo(id.get()));
        assertThat(snapshot.shifts()).anySatisfy(shift -> assertThat(shift.staffId()).isEqualTo(id.get()));
        assertThat(org.mashlive.board.api.BoardState.from(snapshot).officersOnSite(Instant.now()).onSite())
                .isGreaterThanOrEqualTo(1);
    }
}
