package org.mashlive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.exceptions.InvalidException;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.AllocationRoutes;
import org.mashlive.board.api.BoardRoutes;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;
import org.mashlive.referral.ReferralSummary;
import org.mashlive.referral.api.DetailRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.mashlive.staff.StaffDetails;
import org.mashlive.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Text no field can hold (NUL, other control characters, half a surrogate pair) sent to every
 * route that takes text, over REST and RSocket: each is refused naming the field, never with a
 * 500, and nothing is written. And payloads an RSocket route cannot read are refused in the API's
 * words: the route, the field and the shape expected, never a Java type.
 */
@BackendTest
class InvalidInputIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NUL = "\\u0000";

    @LocalServerPort
    int port;

    @Value("${local.rsocket.server.port}")
    int rsocketPort;

    @Autowired
    DatabaseClient db;

    @Autowired
    StaffService staff;

    @Autowired
    ApplicationContext context;

    private final List<RSocketRequester> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RSocketRequester::dispose);
    }

    /**
     * A request with bad text in one field. {@code {ref}} is an open police notification and
     * {@code {staff}} a person on shift, both made for the case; bodies are JSON, where {@code \u0000}
     * is the escape a sender would use.
     */
    record Case(String name, HttpMethod method, String path, String body, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static String contact(String field, String value) {
        var fields = new java.util.LinkedHashMap<String, String>(Map.of(
                "externalRef", "\"BAD-TEXT-" + System.nanoTime() + "\"", "merlinId", "\"M-1\"",
                "child.firstName", "\"Alex\"", "child.lastName", "\"Smith\"", "concern", "\"Bruising seen\"",
                "consentOverrideReason", "\"Risk of harm\""));
        fields.put(field, "\"" + value + "\"");
        return """
                {"externalRef": %s, "merlinId": %s, "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                 "child": {"firstName": %s, "lastName": %s, "dateOfBirth": "2015-04-02"},
                 "concern": %s, "consent": "OVERRIDDEN", "consentOverrideReason": %s}"""
                .formatted(fields.get("externalRef"), fields.get("merlinId"), fields.get("child.firstName"),
                        fields.get("child.lastName"), fields.get("concern"), fields.get("consentOverrideReason"));
    }

    static Stream<Case> restCases() {
        var cases = new ArrayList<Case>();
        for (String field : List.of("externalRef", "merlinId", "child.firstName", "child.lastName", "concern",
                "consentOverrideReason")) {
            cases.add(new Case("intake " + field, HttpMethod.POST, "/api/referrals", contact(field, "A" + NUL + "B"),
                    field));
        }
        cases.add(new Case("intake name with a bell", HttpMethod.POST, "/api/referrals",
                contact("child.firstName", "Al\\u0007ex"), "child.firstName"));
        cases.add(new Case("intake name over two lines", HttpMethod.POST, "/api/referrals",
                contact("child.lastName", "Smi\\nth"), "child.lastName"));
        cases.add(new Case("intake concern with a C1 control", HttpMethod.POST, "/api/referrals",
                contact("concern", "Seen \\u0085 at school"), "concern"));
        cases.add(new Case("intake concern with half a surrogate pair", HttpMethod.POST, "/api/referrals",
                contact("concern", "Seen \\ud800 at school"), "concern"));
        cases.add(new Case("rag reason", HttpMethod.PUT, "/api/referrals/{ref}/rag",
                "{\"rag\": \"RED\", \"reason\": \"Weapon" + NUL + "\"}", "reason"));
        cases.add(new Case("police check summary", HttpMethod.POST, "/api/referrals/{ref}/police-check",
                "{\"summary\": \"Known" + NUL + "\"}", "summary"));
        cases.add(new Case("allocation reason", HttpMethod.PUT, "/api/referrals/{ref}/allocation",
                "{\"staffId\": {staff}, \"reason\": \"Cover" + NUL + "\"}", "reason"));
        cases.add(new Case("police check allocation reason", HttpMethod.PUT,
                "/api/referrals/{ref}/police-check/allocation",
                "{\"staffId\": {staff}, \"reason\": \"\\u001b[2J\"}", "reason"));
        cases.add(new Case("staff name", HttpMethod.POST, "/api/staff",
                "{\"displayName\": \"J." + NUL + "Patel\", \"role\": \"SOCIAL_WORKER\", \"team\": \"MASH\","
                        + " \"contract\": \"FULL_TIME\"}", "displayName"));
        cases.add(new Case("staff team", HttpMethod.POST, "/api/staff",
                "{\"displayName\": \"J. Patel\", \"role\": \"SOCIAL_WORKER\", \"team\": \"MASH" + NUL + "\","
                        + " \"contract\": \"FULL_TIME\"}", "team"));
        cases.add(new Case("staff team changed", HttpMethod.PUT, "/api/staff/{staff}",
                "{\"displayName\": \"J. Patel\", \"role\": \"SOCIAL_WORKER\", \"team\": \"MA\\tSH\","
                        + " \"contract\": \"FULL_TIME\"}", "team"));
        cases.add(new Case("break", HttpMethod.PUT, "/api/staff/{staff}/break", "{\"onBreak\": \"tr" + NUL + "ue\"}",
                "onBreak"));
        cases.add(new Case("shift start", HttpMethod.POST, "/api/shifts",
                "{\"staffId\": {staff}, \"start\": \"2026-03-13T16:" + NUL + "45:00Z\", \"end\": \"2026-03-14T09:00:00Z\"}",
                "start"));
        cases.add(new Case("shifts from", HttpMethod.GET, "/api/shifts?from=2026-03-13T16:%0045:00Z", null, "from"));
        cases.add(new Case("shifts from with a control character", HttpMethod.GET,
                "/api/shifts?from=2026-03-13T16:%0745:00Z", null, "from"));
        cases.add(new Case("establishment", HttpMethod.PUT, "/api/establishment/SOCIAL_WORKER",
                "{\"fundedFte\": \"8" + NUL + "5\"}", "fundedFte"));
        cases.add(new Case("establishment role", HttpMethod.PUT, "/api/establishment/SOCIAL%07WORKER",
                "{\"fundedFte\": 8}", "role"));
        cases.add(new Case("reference in the path", HttpMethod.GET, "/api/referrals/MASH%07-1", null, "reference"));
        cases.add(new Case("reference in the path of a stage change", HttpMethod.PUT, "/api/referrals/MASH%1B-1/stage",
                "{\"stage\": \"SCREENING\"}", "reference"));
        return cases.stream();
    }

    /** Every table a route writes, counted, and the rows a change would alter, digested. */
    private String state() {
        return db.sql("""
                        SELECT concat_ws(',',
                            (SELECT count(*) FROM referral), (SELECT count(*) FROM board_event),
                            (SELECT count(*) FROM rag_change), (SELECT count(*) FROM stage_change),
                            (SELECT count(*) FROM partner_request WHERE answered_at IS NOT NULL), (SELECT count(*) FROM allocation),
                            (SELECT count(*) FROM audit_entry), (SELECT count(*) FROM shift),
                            (SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY s.id), '')) FROM staff s),
                            (SELECT md5(coalesce(string_agg(e::text, '|' ORDER BY e.role), '')) FROM establishment e),
                            (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) FROM referral r))""")
                .map(row -> row.get(0, String.class)).one().block(WAIT);
    }

    private String openReferral() {
        return TestClients.web(port).post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestReferrals.police()).retrieve().bodyToMono(ReferralSummary.class).block(WAIT)
                .reference();
    }

    private long onShift(StaffRole role) {
        var person = staff.hire(new StaffDetails("T. Text" + System.nanoTime() % 10_000, role, "MASH social work",
                Contract.FULL_TIME, null)).block(WAIT);
        Instant now = Instant.now();
        staff.addShift(person.id(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(7))).block(WAIT);
        return person.id();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restCases")
    void textNoFieldCanHoldIsRefusedWith400NamingTheFieldAndWritesNothing(Case request) {
        String ref = openReferral();
        long person = onShift(request.path().contains("police-check") ? StaffRole.MASH_POLICE_OFFICER
                : StaffRole.SOCIAL_WORKER);
        String path = request.path().replace("{ref}", ref).replace("{staff}", String.valueOf(person));
        String before = state();

        var call = TestClients.webTest(port).method(request.method()).uri(URI.create("http://localhost:" + port + path));
        var exchange = request.body() == null ? call.exchange()
                : call.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(request.body().replace("{staff}", String.valueOf(person))).exchange();
        var problem = exchange.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat((String) problem.get("detail")).as("the detail names the field").contains(request.field());
        assertThat(state()).as("nothing written").isEqualTo(before);
    }

    /**
     * A NUL in a path or query never reaches a route: the request firewall refuses it with 400
     * before any route runs, so nothing can be written.
     */
    @Test
    void aNulInThePathIsRefusedBeforeAnyRoute() {
        String before = state();
        for (String path : List.of("/api/referrals/MASH%00-1", "/api/staff/1%00", "/api/shifts?from=%00")) {
            TestClients.webTest(port).get().uri(URI.create("http://localhost:" + port + path)).exchange()
                    .expectStatus().isBadRequest();
        }
        TestClients.webTest(port).put().uri(URI.create("http://localhost:" + port + "/api/referrals/MASH%00-1/stage"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stage\": \"SCREENING\"}").exchange()
                .expectStatus().isBadRequest();
        assertThat(state()).isEqualTo(before);
    }

    private RSocketRequester as(TestClients.Identity who) {
        var requester = TestClients.rsocket(context.getBean(RSocketRequester.Builder.class), rsocketPort,
                MediaType.APPLICATION_JSON, who);
        opened.add(requester);
        return requester;
    }

    private static void refused(Runnable request, String... named) {
        assertThatThrownBy(request::run)
                .isInstanceOf(InvalidException.class)
                .hasMessageContainingAll(named)
                .satisfies(error -> assertThat(error.getMessage())
                        .doesNotContain("org.mashlive", "tools.jackson", "java.", "Request", "Exception", "`"));
    }

    @Test
    void textNoFieldCanHoldIsRefusedOverRSocketNamingTheFieldAndWritesNothing() {
        var lead = as(TestClients.DUTY_LEAD);
        String ref = openReferral();
        long person = onShift(StaffRole.SOCIAL_WORKER);
        String before = state();

        refused(() -> lead.route(AllocationRoutes.ALLOCATE)
                .data(new AllocateRequest(ref, null, person, null, "Cover\u0000", true))
                .retrieveMono(String.class).block(WAIT), "reason: must not contain the NUL character (U+0000)");
        refused(() -> lead.route(AllocationRoutes.ALLOCATE)
                .data(new AllocateRequest("MASH\u0000", null, person, null, null, true))
                .retrieveMono(String.class).block(WAIT), "reference: must not contain the NUL character (U+0000)");
        refused(() -> lead.route(ReferralRoutes.DETAIL).data(new DetailRequest(ref + "\u0007"))
                .retrieveMono(String.class).block(WAIT), "reference: must not contain the control character (U+0007)");

        assertThat(state()).isEqualTo(before);
    }

    /**
     * Sends {@code data} as it is to {@code route} over a plain RSocket connection, frames built by
     * hand as a client without Spring would, and answers the error the backend sent.
     */
    private Throwable raw(TestClients.Identity who, String route, String data, boolean stream) {
        return raw(who, route, "application/json", data, stream);
    }

    /** As {@link #raw(TestClients.Identity, String, String, boolean)}, on a connection set up with {@code dataType}. */
    private Throwable raw(TestClients.Identity who, String route, String dataType, String data, boolean stream) {
        RSocket socket = RSocketConnector.create()
                .dataMimeType(dataType)
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .connect(TcpClientTransport.create("localhost", rsocketPort))
                .block(WAIT);
        try {
            var allocator = ByteBufAllocator.DEFAULT;
            var metadata = allocator.compositeBuffer();
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                    TaggingMetadataCodec.createRoutingMetadata(allocator, List.of(route)).getContent());
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator,
                    WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, Unpooled.wrappedBuffer(TestClients.credentials(who)));
            Payload request = DefaultPayload.create(Unpooled.copiedBuffer(data, StandardCharsets.UTF_8), metadata);
            var answer = stream ? socket.requestStream(request).then() : socket.requestResponse(request).then();
            return catchThrowable(() -> answer.block(WAIT));
        } finally {
            socket.dispose();
        }
    }

    private void unreadable(TestClients.Identity who, String route, String data, String... named) {
        Throwable error = raw(who, route, data, route.equals(BoardRoutes.STREAM));
        assertThat(error).as("%s %s", route, data).isInstanceOf(InvalidException.class)
                .hasMessageContainingAll(named);
        assertThat(error.getMessage()).as("%s %s", route, data)
                .doesNotContain("org.mashlive", "tools.jackson", "java.", "Request", "Exception", "`");
    }

    @Test
    void aPayloadAnRSocketRouteCannotReadIsRefusedInTheApisWords() {
        var lead = TestClients.DUTY_LEAD;
        String route = AllocationRoutes.ALLOCATE;
        String shape = "must be a JSON object {\"reference\": text, \"workType\": one of REFERRAL, POLICE_CHECK,"
                + " \"staffId\": a whole number, \"expectedVersion\": a whole number, \"reason\": text,"
                + " \"confirm\": true or false}";

        unreadable(lead, route, "not json at all", route, shape);
        unreadable(lead, route, "{\"reference\": ", route, shape);
        unreadable(lead, route, "[1, 2]", route, shape);
        unreadable(lead, route, "\"MASH-2026-000001\"", route, shape);
        unreadable(lead, route, "{\"reference\": \"MASH-2026-000001\", \"staffId\": \"seven\"}", route,
                "staffId must be a whole number");
        unreadable(lead, route, "{\"reference\": \"MASH-2026-000001\", \"staffId\": 1, \"workType\": \"X\"}", route,
                "workType must be one of REFERRAL, POLICE_CHECK");
        unreadable(lead, ReferralRoutes.DETAIL, "42", ReferralRoutes.DETAIL, "must be a JSON object {\"reference\": text}");
        unreadable(lead, ReferralRoutes.DETAIL, "{\"reference\": [1]}", ReferralRoutes.DETAIL,
                "reference must be text");

        unreadable(TestClients.BOARD, BoardRoutes.STREAM, "{\"lastSeq\": \"latest\"}", BoardRoutes.STREAM,
                "lastSeq must be a whole number");
        unreadable(TestClients.BOARD, BoardRoutes.STREAM, "{lastSeq", BoardRoutes.STREAM,
                "must be a JSON object {\"lastSeq\": a whole number}");
    }

    /**
     * A connection set up with a data type no route reads is told so, whatever its payload says:
     * JSON sent as text/plain is not read as JSON, and saying the payload must be a JSON object
     * would send its sender looking in the wrong place.
     */
    @Test
    void aPayloadOnAConnectionInADataTypeNoRouteReadsIsRefusedNamingTheType() {
        Throwable error = raw(TestClients.DUTY_LEAD, ReferralRoutes.DETAIL, "text/plain",
                "{\"reference\": \"MASH-2026-000001\"}", false);
        assertThat(error).isInstanceOf(InvalidException.class).hasMessage(ReferralRoutes.DETAIL
                + ": this connection set up with the data type text/plain; payloads are read and sent as"
                + " application/json or application/cbor");
    }

    /** Every RSocket route the backend serves, each with whether it answers with a stream. */
    private Map<String, Boolean> everyRoute() {
        var handler = context.getBean(org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler.class);
        var routes = new java.util.TreeMap<String, Boolean>();
        handler.getHandlerMethods().forEach((mapping, method) -> {
            var destinations = mapping.getCondition(
                    org.springframework.messaging.handler.DestinationPatternsMessageCondition.class);
            boolean stream = org.reactivestreams.Publisher.class.isAssignableFrom(method.getReturnType().getParameterType())
                    && reactor.core.publisher.Flux.class.isAssignableFrom(method.getReturnType().getParameterType());
            destinations.getPatterns().forEach(route -> routes.put(route, stream));
        });
        return routes;
    }

    /**
     * Every route, the ones added since this test was written too, sent what no route can read, as
     * each kind of client: whatever it answers (a refusal of the role, a payload it cannot read, or
     * an answer for a route that reads nothing), its words are the API's, never a Java type or a
     * parser's message, and the backend stays up for the next.
     */
    @Test
    void everyRSocketRouteAnswersWhatItCannotReadInTheApisWords() {
        var routes = everyRoute();
        assertThat(routes).as("the sweep finds the routes").containsKeys(AllocationRoutes.ALLOCATE, BoardRoutes.STREAM,
                ReferralRoutes.DETAIL);
        var who = List.of(new TestClients.User("admin", org.mashlive.board.api.Access.DEMO_PASSWORD),
                TestClients.DUTY_LEAD, new TestClients.User("service.head", org.mashlive.board.api.Access.DEMO_PASSWORD),
                new TestClients.User("hub.manager", org.mashlive.board.api.Access.DEMO_PASSWORD), TestClients.BOARD);
        var answers = new ArrayList<String>();
        routes.forEach((route, stream) -> {
            for (var identity : who) {
                for (var data : List.of("[1, 2]", "not json at all")) {
                    Throwable error = rawFirst(identity, route, data, stream);
                    if (error != null) {
                        answers.add(route + " " + data + " -> " + error.getClass().getSimpleName() + ": "
                                + error.getMessage());
                    }
                }
            }
        });
        assertThat(answers).as("some routes read a payload and refuse this one").isNotEmpty();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.substring(answer.indexOf(": ") + 2))
                .as(answer)
                .doesNotContain("org.mashlive", "tools.jackson", "com.fasterxml", "java.", "Exception", "`",
                        "Unrecognized token", "Cannot deserialize", "Timeout on blocking read")
                .isNotBlank());
    }

    /** As {@link #raw}, waiting for no more than the first item of a stream. */
    private Throwable rawFirst(TestClients.Identity who, String route, String data, boolean stream) {
        RSocket socket = RSocketConnector.create()
                .dataMimeType("application/json")
                .metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
                .connect(TcpClientTransport.create("localhost", rsocketPort))
                .block(WAIT);
        try {
            var allocator = ByteBufAllocator.DEFAULT;
            var metadata = allocator.compositeBuffer();
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
                    TaggingMetadataCodec.createRoutingMetadata(allocator, List.of(route)).getContent());
            CompositeMetadataCodec.encodeAndAddMetadata(metadata, allocator,
                    WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, Unpooled.wrappedBuffer(TestClients.credentials(who)));
            Payload request = DefaultPayload.create(Unpooled.copiedBuffer(data, StandardCharsets.UTF_8), metadata);
            var answer = stream ? socket.requestStream(request).take(1).then() : socket.requestResponse(request).then();
            return catchThrowable(() -> answer.block(WAIT));
        } finally {
            socket.dispose();
        }
    }
}
