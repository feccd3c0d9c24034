package org.mashlive.referral;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed, oversized and hostile intake requests from a seed: the same seed gives the
 * same requests, so a failure found once can be replayed. Every request it makes must be refused.
 */
final class HostilePayloads {

    /** A body, its content type, and what kind of hostility it carries (for failure messages). */
    record Request(String kind, String contentType, byte[] body) {

        String shown() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + ": " + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON_TYPE = "application/json";
    private static final String SPECIAL = "\"\\{}[]:,'<>&%$";

    private final SplittableRandom random;

    HostilePayloads(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next request: mostly valid bodies broken in one to three ways, then other kinds of junk. */
    Request next() {
        int roll = random.nextInt(19);
        if (roll < 12) {
            ObjectNode body = valid();
            int changes = 1 + random.nextInt(3);
            var names = new StringBuilder();
            for (int i = 0; i < changes; i++) {
                int which = random.nextInt(MUTATIONS.size());
                MUTATIONS.get(which).accept(this, body);
                names.append(i == 0 ? "" : "+").append(which);
            }
            return json("broken fields " + names, JSON.writeValueAsString(body));
        }
        if (roll < 14) {
            String text = JSON.writeValueAsString(valid());
            return json("truncated", text.substring(0, random.nextInt(Math.min(200, text.length() - 1))));
        }
        if (roll < 16) {
            return json("noise", text(0, 500));
        }
        if (roll < 17) {
            ObjectNode body = base();
            body.put("concern", "x".repeat(70_000 + random.nextInt(330_000)));
            return json("oversized", JSON.writeValueAsString(body));
        }
        if (roll < 18) {
            String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/cbor"));
            return new Request("content type " + type, type,
                    JSON.writeValueAsString(valid()).getBytes(StandardCharsets.UTF_8));
        }
        return json("odd root", pick(List.of("[]", "null", "42", "\"referral\"", "true", "{}", "[{}]",
                "{\"child\": []}", "{{}}", "{\"a\":".repeat(2000))));
    }

    private static Request json(String kind, String body) {
        return new Request(kind, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * Text of {@code min} to {@code max} code points drawn from everywhere: ASCII, control
     * characters, other scripts, symbols and characters outside the basic plane.
     */
    private String text(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(6)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> random.nextInt(0x20);
                case 2 -> 0xA0 + random.nextInt(0x2000);
                case 3 -> 0x3000 + random.nextInt(0x6000);
                case 4 -> 0x1F300 + random.nextInt(0x300);
                default -> SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /**
     * Text that is valid for any text field: not blank, and none of the characters the one text
     * rule refuses, so that a body built on it is refused for its mutation alone.
     */
    private String validText() {
        String value;
        do {
            value = text(1, 60);
        } while (value.isBlank() || !acceptedAsOneLine(value));
        return value;
    }

    private static boolean acceptedAsOneLine(String value) {
        try {
            org.mashlive.platform.Text.line("text", value);
            return true;
        } catch (org.mashlive.platform.InvalidInputException e) {
            return false;
        }
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

    /** A body that would be accepted, with arbitrary free text in it. */
    private ObjectNode valid() {
        ObjectNode body = base();
        body.put("channel", pick(List.of("PHONE", "EMAIL", "PORTAL", "POLICE_NOTIFICATION")));
        child(body).put("firstName", validText());
        child(body).put("lastName", validText());
        body.put("concern", validText());
        return body;
    }

    /** The body's child object, made again when an earlier change replaced it with something else. */
    private static ObjectNode child(ObjectNode body) {
        return body.get("child") instanceof ObjectNode child ? child : body.putObject("child");
    }

    private interface Mutation {
        void accept(HostilePayloads generator, ObjectNode body);
    }

    /** Changes each of which alone makes a body invalid. */
    private static final List<Mutation> MUTATIONS = List.of(
            (g, body) -> body.remove(g.pick(List.of("channel", "source", "child", "concern"))),
            // a first name left out is "not known" (docs/decisions/0023-knowing-a-child-again.md); a blank one is wrong
            (g, body) -> child(body).remove(g.pick(List.of("lastName", "dateOfBirth"))),
            (g, body) -> child(body).put("firstName", g.pick(List.of("", " ", "\t"))),
            (g, body) -> {
                String value;
                do {
                    value = g.text(0, 40);
                } while (value.matches("[A-Z_]+"));
                body.put(g.pick(List.of("channel", "source", "rag", "consent", "healthType")), value);
            },
            (g, body) -> body.set(g.pick(List.of("channel", "source", "child", "flags", "rag")),
                    g.pick(List.<JsonNode>of(NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode().add(1),
                            NODES.objectNode().put("x", 1), NODES.numberNode(1e308)))),
            // a number or boolean in a text field is read as text; structures are refused
            (g, body) -> body.set("concern", g.pick(List.<JsonNode>of(NODES.arrayNode().add("a"),
                    NODES.objectNode().put("x", 1)))),
            (g, body) -> body.put("concern", g.pick(List.of("", " ", "\t\n", "   "))),
            (g, body) -> body.put("concern", "c".repeat(4001 + g.random.nextInt(16_000))),
            (g, body) -> body.put("externalRef", "E".repeat(65 + g.random.nextInt(436))),
            (g, body) -> child(body).put("dateOfBirth", g.pick(List.of("2999-01-01", "1066-10-14", "-5000-01-01",
                    "+99999-01-01", "0000-00-00", "2015-02-30", "yesterday", "", "2015/04/02", "1899-12-31"))),
            (g, body) -> {
                String value = g.text(0, 20);
                body.put(g.pick(List.of("externalRef", "merlinId", "concern", "consentOverrideReason")),
                        value + "\u0000" + value);
            },
            (g, body) -> child(body).put(g.pick(List.of("firstName", "lastName")), "A\u0000B"),
            // control characters and non-characters: no field holds them (line breaks only free text);
            // half a surrogate pair is sent escaped by InvalidInputIT, as UTF-8 cannot carry it raw
            (g, body) -> child(body).put(g.pick(List.of("firstName", "lastName")),
                    "A" + g.pick(List.of("\u0007", "\n", "\t", "\u001b", "\u007f", "\u0085", "\uffff")) + "B"),
            (g, body) -> body.put("concern", "Seen " + g.pick(List.of("\u0001", "\u001b", "\u0085", "\ufffe"))
                    + " at school"),
            (g, body) -> {
                body.put("source", "EDUCATION");
                body.put("healthType", "GP");
            },
            (g, body) -> {
                body.put("consent", "OVERRIDDEN");
                body.remove("consentOverrideReason");
            },
            (g, body) -> body.set("flags", NODES.arrayNode().add("NOT_A_FLAG")),
            (g, body) -> body.set("flags", NODES.arrayNode().addNull()));
}
