package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.TestPorts;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A breach reaches people without anyone watching the wall: the backend runs with the simulator,
 * Debian's {@code prometheus} scrapes it and evaluates the project's alert rules, Debian's
 * Alertmanager runs the project's configuration (rendered from its template as the container
 * does), a real SMTP server (GreenMail) and an HTTP receiver stand in for the mail server and the
 * team's chat. A Red referral made to breach on purpose (Red's timescale set to seconds) must
 * arrive as an email to the duty inbox and as a webhook call, each naming its reference and RAG
 * and neither naming the child.
 *
 * <p>Only the waits are shortened: scrape and evaluation every second, the rules' {@code for} of
 * a minute read as one second, the group wait and interval one second. Routing, receivers and
 * templates are the project's own. Skipped, saying so, where the Debian packages are missing; CI
 * installs them ({@code .ci/run}).
 */
class AlertDeliveryIT {

    private static final String CHILD_FIRST = "Zebedee";
    private static final String CHILD_LAST = "Quartermaine";

    private static MashLive.Running app;
    private static Process prometheus;
    private static Process alertmanager;
    private static GreenMail smtp;
    private static HttpServer chat;
    private static final List<String> chatCalls = new CopyOnWriteArrayList<>();
    private static Path work;
    private static int backendPort;

    @BeforeAll
    static void start() throws Exception {
        String prometheusBinary = executable("prometheus");
        String alertmanagerBinary = executable("prometheus-alertmanager");
        Assumptions.assumeTrue(prometheusBinary != null && alertmanagerBinary != null,
                "AlertDeliveryIT skipped: 'prometheus' and 'prometheus-alertmanager' are not installed here "
                        + "(apt-get install -y prometheus prometheus-alertmanager; CI installs them in .ci/run)");
        work = Files.createTempDirectory("mash-alerts");

        smtp = new GreenMail(new ServerSetup(TestPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/hook", exchange -> {
            chatCalls.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();

        app = MashLive.start("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=true", "--mash.simulation.seed=20261130",
                "--mash.timescales.red.target=20s", "--mash.timescales.red.working-hours=false",
                "--mash.capacity.refresh=1s");
        backendPort = Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));

        int alertmanagerPort = TestPorts.free();
        Path config = work.resolve("alertmanager.yml");
        var render = new ProcessBuilder("sh", Path.of("alertmanager", "render-config.sh").toString(),
                Path.of("alertmanager", "alertmanager.yml.tmpl").toString())
                .redirectOutput(config.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        render.environment().putAll(Map.ofEntries(
                Map.entry("MASH_ALERT_SMTP_SMARTHOST", "127.0.0.1:" + smtp.getSmtp().getPort()),
                Map.entry("MASH_ALERT_SMTP_FROM", "mash-live@hub.test"),
                Map.entry("MASH_ALERT_SMTP_REQUIRE_TLS", "false"),
                Map.entry("MASH_ALERT_DUTY_EMAIL", "duty@hub.test"),
                Map.entry("MASH_ALERT_HUB_MANAGERS_EMAIL", "managers@hub.test"),
                Map.entry("MASH_ALERT_SERVICE_HEAD_EMAIL", "head@hub.test"),
                Map.entry("MASH_ALERT_PLATFORM_EMAIL", "platform@hub.test"),
                Map.entry("MASH_ALERT_CHAT_WEBHOOK_URL", "http://127.0.0.1:" + chat.getAddress().getPort() + "/hook"),
                Map.entry("MASH_ALERT_GROUP_WAIT", "1s"),
                Map.entry("MASH_ALERT_GROUP_INTERVAL", "1s")));
        var rendering = render.start();
        assertThat(rendering.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rendering.exitValue()).as("render-config.sh").isZero();
        alertmanager = new ProcessBuilder(alertmanagerBinary,
                "--config.file=" + config,
                "--storage.path=" + work.resolve("alertmanager-data"),
                "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=",
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("alertmanager.log").toFile())
                .start();

        // the project's rules, with only the minute of "for" read as a second
        Path rules = Files.createDirectories(work.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("prometheus", "rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Files.writeString(rules.resolve(file.getFileName()),
                        Files.readString(file).replaceAll("(?m)^(\\s+for:) \\S+$", "$1 1s"));
            }
        }
        int prometheusPort = TestPorts.free();
        Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ["127.0.0.1:%d"]
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: mash-backend
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(alertmanagerPort, rules, backendPort));
        prometheus = new ProcessBuilder(prometheusBinary,
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("prometheus-data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (var process : new Process[] {prometheus, alertmanager}) {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        if (chat != null) {
            chat.stop(0);
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (app != null) {
            app.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aRedBreachArrivesByEmailAndInTheChatWithItsReferenceAndRagAndNoName() {
        String body = """
                {"externalRef": "MERLIN-ALERT-%d", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                 "child": {"firstName": "%s", "lastName": "%s", "dateOfBirth": "2016-02-29"},
                 "concern": "Child found alone at night.", "rag": "RED", "consent": "NOT_SOUGHT"}
                """.formatted(System.nanoTime(), CHILD_FIRST, CHILD_LAST);
        Map<String, Object> created = TestClients.web(backendPort).post().uri("/api/referrals")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .block(Duration.ofSeconds(60));
        assertThat(created).isNotNull();
        String reference = (String) created.get("reference");
        assertThat(reference).startsWith("MASH-");

        // due 20 s after receipt; then a scrape, an evaluation, the group wait and the send
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(emailsTo("duty@hub.test")).as("emails to the duty inbox").anySatisfy(email -> {
                assertThat(email).contains(reference).containsIgnoringCase("red");
            });
            assertThat(chatCalls).as("calls to the chat webhook").anySatisfy(call -> {
                assertThat(call).contains("\"reference\":\"" + reference + "\"").contains("\"rag\":\"red\"");
            });
        });

        for (String email : emailsTo("duty@hub.test")) {
            assertThat(email).doesNotContain(CHILD_FIRST).doesNotContain(CHILD_LAST).doesNotContain("2016-02-29");
        }
        for (String call : chatCalls) {
            assertThat(call).doesNotContain(CHILD_FIRST).doesNotContain(CHILD_LAST).doesNotContain("2016-02-29");
        }
    }

    /** The subject and body of every email received so far for {@code address}, decoded. */
    private static List<String> emailsTo(String address) {
        return Stream.of(smtp.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1)))
                .filter(message -> recipients(message).contains(address))
                .map(message -> subject(message) + "\n" + GreenMailUtil.getBody(message))
                .map(AlertDeliveryIT::decodeQuotedPrintable)
                .toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return String.join(",", Stream.of(message.getAllRecipients()).map(Object::toString).toList());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alertmanager's emails are quoted-printable HTML: undo the soft line breaks and =XX escapes. */
    private static String decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("=\n", "");
        var out = new java.io.ByteArrayOutputStream();
        byte[] bytes = joined.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '=' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.ISO_8859_1), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }

    private static String executable(String name) {
        for (var dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            var file = Path.of(dir, name);
            if (Files.isExecutable(file)) {
                return file.toString();
            }
        }
        return null;
    }
}
