package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of generated malformed, oversized and hostile intake bodies: each is refused with a
 * 4xx answer (never a 5xx) and none writes a row.
 */
class HostileIntakeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static MashLive.Running backend;
    private static WebClient api;
    private static DatabaseClient db;

    @BeforeContainer
    static void start() {
        backend = MashLive.start("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=false");
        api = TestClients.web(Integer.parseInt(backend.backend().getEnvironment().getProperty("local.server.port")));
        db = backend.backend().getBean(DatabaseClient.class);
    }

    @AfterContainer
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    /** A body and its content type. */
    record Request(String contentType, String body) {
    }

    @Property(tries = 2000)
    void aHostileIntakeIsRefusedWithA4xxAndWritesNothing(@ForAll("hostile") Request request) {
        long before = rows();
        var status = api.post().uri("/api/referrals").header("Content-Type", request.contentType())
                .bodyValue(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(30));
        assertThat(status).as("answer to %s", abbreviate(request.body())).isBetween(400, 499);
        assertThat(rows()).isEqualTo(before);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
    }

    private static long rows() {
        return db.sql("SELECT (SELECT count(*) FROM referral) + (SELECT count(*) FROM board_event)")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    @Provide
    Arbitrary<Request> hostile() {
        Arbitrary<Request> json = Combinators.combine(valid(), mutations().list().ofMinSize(1).ofMaxSize(3))
                .as((body, changes) -> {
                    changes.forEach(change -> change.accept(body));
                    return new Request("application/json", JSON.writeValueAsString(body));
                });
        Arbitrary<Request> broken = Combinators.combine(valid(), Arbitraries.integers().between(0, 200))
                .as((body, cut) -> {
                    String text = JSON.writeValueAsString(body);
                    return new Request("application/json", text.substring(0, Math.min(cut, text.length() - 1)));
                });
        Arbitrary<Request> noise = Arbitraries.strings().all().ofMaxLength(500)
                .map(text -> new Request("application/json", text));
        Arbitrary<Request> oversized = Arbitraries.integers().between(70_000, 400_000)
                .map(size -> {
                    ObjectNode body = base();
                    body.put("concern", "x".repeat(size));
                    return new Request("application/json", JSON.writeValueAsString(body));
                });
        Arbitrary<Request> otherTypes = Combinators.combine(
                        Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x", "application/cbor"),
                        valid())
                .as((type, body) -> new Request(type, JSON.writeValueAsString(body)));
        Arbitrary<Request> roots = Arbitraries.of("[]", "null", "42", "\"referral\"", "true", "{}", "[{}]",
                        "{\"child\": []}", "{{}}", "{\"a\":" .repeat(2000))
                .map(text -> new Request("application/json", text));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, json), net.jqwik.api.Tuple.of(2, broken), net.jqwik.api.Tuple.of(2, noise),
                net.jqwik.api.Tuple.of(1, oversized), net.jqwik.api.Tuple.of(1, otherTypes),
                net.jqwik.api.Tuple.of(1, roots));
    }

    /** The body's child object, made again when an earlier change replaced it with something else. */
    private static ObjectNode child(ObjectNode body) {
        return body.get("child") instanceof ObjectNode child ? child : body.putObject("child");
    }

    private static ObjectNode base() {
        ObjectNode body = NODES.objectNode();
        body.put("channel", "PHONE");
        body.put("source", "EDUCATION");
        ObjectNode child = body.putObject("child");
        child.put("firstName", "Alex");
        child.put("lastName", "Smith");
        child.put("dateOfBirth", "2015-04-02");
        body.put("concern", "Bruising noticed at school.");
        return body;
    }

    /** A valid body whose free-text fields hold arbitrary (still valid) text. */
    private static Arbitrary<ObjectNode> valid() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60)
                .filter(value -> !value.isBlank() && value.indexOf('\u0000') < 0);
        return Combinators.combine(text, text, text, Arbitraries.of("PHONE", "EMAIL", "PORTAL", "POLICE_NOTIFICATION"))
                .as((first, last, concern, channel) -> {
                    ObjectNode body = base();
                    body.put("channel", channel);
                    child(body).put("firstName", first);
                    child(body).put("lastName", last);
                    body.put("concern", concern);
                    return body;
                });
    }

    /** Changes each of which alone makes a body invalid. */
    private static Arbitrary<java.util.function.Consumer<ObjectNode>> mutations() {
        Arbitrary<String> field = Arbitraries.of("channel", "source", "child", "concern");
        Arbitrary<String> childField = Arbitraries.of("firstName", "lastName", "dateOfBirth");
        Arbitrary<String> enumField = Arbitraries.of("channel", "source", "rag", "consent", "healthType");
        Arbitrary<String> junk = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<JsonNode> wrongType = Arbitraries.of(NODES.numberNode(7), NODES.booleanNode(true),
                NODES.arrayNode().add(1), NODES.objectNode().put("x", 1), NODES.numberNode(1e308));
        Arbitrary<String> stringField = Arbitraries.of("externalRef", "merlinId", "concern", "consentOverrideReason");
        List<Arbitrary<java.util.function.Consumer<ObjectNode>>> all = List.of(
                field.map(name -> body -> body.remove(name)),
                childField.map(name -> body -> child(body).remove(name)),
                Combinators.combine(enumField, junk.filter(value -> !value.matches("[A-Z_]+")))
                        .as((name, value) -> body -> body.put(name, value)),
                Combinators.combine(Arbitraries.of("channel", "source", "child", "flags", "rag"), wrongType)
                        .as((name, value) -> body -> body.set(name, value)),
                // a number or boolean is read as text (Jackson's scalar coercion), so only structures here
                Arbitraries.of(NODES.arrayNode().add("a"), NODES.objectNode().put("x", 1))
                        .map(value -> body -> body.set("concern", value)),
                Arbitraries.of("", " ", "\t\n", "   ").map(blank -> body -> body.put("concern", blank)),
                Arbitraries.integers().between(4001, 20_000).map(n -> body -> body.put("concern", "c".repeat(n))),
                Arbitraries.integers().between(65, 500).map(n -> body -> body.put("externalRef", "E".repeat(n))),
                Arbitraries.of("2999-01-01", "1066-10-14", "-5000-01-01", "+99999-01-01", "0000-00-00", "2015-02-30",
                                "yesterday", "", "2015/04/02", "1899-12-31")
                        .map(date -> body -> child(body).put("dateOfBirth", date)),
                Combinators.combine(stringField, Arbitraries.strings().all().ofMaxLength(20))
                        .as((name, value) -> body -> body.put(name, value + "\u0000" + value)),
                childField.filter(name -> !name.equals("dateOfBirth"))
                        .map(name -> body -> child(body).put(name, "A\u0000B")),
                Arbitraries.of("HEALTH").map(ignored -> body -> {
                    body.put("source", "EDUCATION");
                    body.put("healthType", "GP");
                }),
                Arbitraries.of("OVERRIDDEN").map(consent -> body -> {
                    body.put("consent", consent);
                    body.remove("consentOverrideReason");
                }),
                Arbitraries.of("x").map(ignored -> body -> body.set("flags", NODES.arrayNode().add("NOT_A_FLAG"))),
                Arbitraries.of("x").map(ignored -> body -> body.set("flags", NODES.arrayNode().addNull())));
        return Arbitraries.oneOf(all);
    }
}
