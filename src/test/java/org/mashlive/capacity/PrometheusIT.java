package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.MashLive;
import org.mashlive.TestPorts;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics path with a real Prometheus: the backend runs on the embedded database with the
 * simulator at 600× speed, Debian's {@code prometheus} scrapes it every second with the project's
 * rules loaded, and every PromQL expression of every Grafana panel and every rule must run
 * without error and return data. {@code promtool} checks the configuration and runs the rules'
 * unit tests first.
 *
 * <p>Skipped, saying so, only where {@code prometheus} or {@code promtool} is not installed; CI
 * installs both ({@code .ci/run}).
 */
class PrometheusIT {

    /**
     * The staffing and partner-request meters: the staff module's demo hub, which runs with the
     * simulator, gives them data, so every panel and rule on them must return some.
     */
    static final List<String> STAFF_METERS = List.of("mash_staff_on_duty", "mash_staff_establishment",
            "mash_staff_vacancies", "mash_staff_caseload_per_worker", "mash_staff_available",
            "mash_open_referrals_per_available_worker", "mash_ooh_cover_gap_seconds",
            "mash_partner_requests_outstanding", "mash_partner_requests_oldest_seconds");

    /** Grafana's variables, as the test stands them in for a query. */
    static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "30s",
            "$__interval", "5s",
            "$__range", "5m",
            "${team:regex}", ".*",
            "$team", ".*");

    /** The last top-level comparison with a number of an alert expression: {@code … > 0}. */
    private static final Pattern TRAILING_COMPARISON =
            Pattern.compile("\\s(==|!=|>=|<=|>|<)\\s*(-?[0-9.]+)\\s*$");

    private static final Path PROJECT_PROMETHEUS = Path.of("prometheus").toAbsolutePath();
    private static final Path DASHBOARDS = Path.of("grafana", "dashboards").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MashLive.Running app;
    private static Process prometheus;
    private static Path work;
    private static String prometheusUrl;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        String promtool = executable("promtool");
        String prometheusBinary = executable("prometheus");
        Assumptions.assumeTrue(promtool != null && prometheusBinary != null,
                "PrometheusIT skipped: 'prometheus' and 'promtool' are not installed here "
                        + "(apt-get install -y prometheus; CI installs them in .ci/run)");

        app = MashLive.start("--mash.role=backend", "--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.simulation.enabled=true", "--mash.simulation.speed=600", "--mash.simulation.seed=20260310",
                // the demo hub's people and rota give the staffing meters data; read every 2 s
                "--mash.staff.demo-seed=true", "--mash.capacity.refresh=2s",
                // Red due in a second, and one Red referral that the simulator does not work (it works
                // its own): the series of breached referrals, present only while one is, has data
                "--mash.timescales.red.target=1s", "--mash.timescales.red.working-hours=false");
        int appPort = Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
        org.mashlive.TestClients.web(appPort).post().uri("/api/referrals")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(org.mashlive.TestReferrals.police().replace("\"AMBER\"", "\"RED\""))
                .retrieve().toBodilessEntity().block(Duration.ofSeconds(60));

        work = Files.createTempDirectory("mash-prometheus");
        int port = TestPorts.free();
        prometheusUrl = "http://127.0.0.1:" + port;
        Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s/rules/*.yml
                scrape_configs:
                  - job_name: mash-backend
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(PROJECT_PROMETHEUS, appPort));
        prometheus = new ProcessBuilder(prometheusBinary,
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
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
    void promtoolChecksTheConfigurationAndTheRulesPassTheirUnitTests() throws Exception {
        String promtool = executable("promtool");
        assertThat(run(promtool, "check", "config", "prometheus.yml")).contains("SUCCESS");
        var rules = new ArrayList<>(List.of(promtool, "check", "rules"));
        rules.addAll(ruleFiles().stream().map(Path::toString).toList());
        assertThat(run(rules.toArray(String[]::new))).contains("SUCCESS");
        var tests = new ArrayList<>(List.of(promtool, "test", "rules"));
        try (Stream<Path> files = Files.list(PROJECT_PROMETHEUS.resolve("tests"))) {
            files.filter(file -> file.toString().endsWith(".yml")).sorted().map(Path::toString).forEach(tests::add);
        }
        assertThat(tests).hasSizeGreaterThan(3);
        assertThat(run(tests.toArray(String[]::new))).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyPanelAndRuleExpressionRunsAndReturnsData() throws Exception {
        // samples of the app, several scrapes of them, and every rule group evaluated on them
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(result("sum(mash_referrals_received_total)")).isNotEmpty();
            assertThat(result("count_over_time(up{job=\"mash-backend\"}[1m]) >= 4")).isNotEmpty();
            assertThat(result("mash_referrals_open:max")).isNotEmpty();
            assertThat(result("rag:mash_referrals_decided_within_timescale:ratio1d")).isNotEmpty();
            assertThat(result("mash_referral_breached_seconds")).as("a referral past its timescale").isNotEmpty();
            for (var meter : STAFF_METERS) {
                assertThat(result(meter)).as(meter).isNotEmpty();
            }
        });
        assertThat(result("up{job=\"mash-backend\"} == 1")).hasSize(1);
        // the simulator's back-filled days went through the board stream, so the counters moved
        assertThat(result("sum(mash_referrals_received_total) > 0")).isNotEmpty();

        var expressions = new LinkedHashMap<String, String>();
        dashboardExpressions(expressions);
        ruleExpressions(expressions);
        assertThat(expressions).hasSizeGreaterThan(40);

        var failures = new ArrayList<String>();
        for (var entry : expressions.entrySet()) {
            String where = entry.getKey();
            String expr = entry.getValue();
            boolean alert = where.startsWith("alert ");
            // an alert's comparison filters its measure: read it with bool, so the measure must have data
            String query = alert ? TRAILING_COMPARISON.matcher(expr).replaceFirst(" $1 bool $2") : expr;
            if (alert && query.equals(expr)) {
                failures.add(where + ": does not end in a comparison with a number: " + expr);
                continue;
            }
            var answer = query(query);
            if (!"success".equals(answer.path("status").asString())) {
                failures.add(where + ": " + answer.path("error").asString() + " in " + query);
                continue;
            }
            if (answer.path("data").path("result").isEmpty()) {
                failures.add(where + ": no data for " + query);
            }
        }
        assertThat(failures).as("expressions that failed or returned no data").isEmpty();
        assertThat(expressions.values().stream().filter(expr -> STAFF_METERS.stream().anyMatch(expr::contains)))
                .as("expressions on the staffing meters, checked for data like the others").hasSizeGreaterThan(5);
    }

    @Test
    void theStaffingMetersReportTheDemoHub() throws Exception {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (var meter : STAFF_METERS) {
                assertThat(result(meter)).as(meter).isNotEmpty();
            }
        });
        // the demo hub funds 8 social workers and 11 police officers, and has 7 and 9 people in post
        assertThat(value("sum(mash_staff_establishment{role=\"social_worker\"})")).isEqualTo(8);
        assertThat(value("sum(mash_staff_establishment{role=\"mash_police_officer\"})")).isEqualTo(11);
        assertThat(value("sum(mash_staff_vacancies{role=\"mash_police_officer\"})")).isEqualTo(2);
        assertThat(result("mash_ooh_cover_gap_seconds{team=\"Out of hours\"}")).hasSize(1);
        assertThat(result("mash_partner_requests_outstanding{partner=\"police\"}")).hasSize(1);
        // the platform meters that Boot gives and the hand-built pool's are there
        for (var meter : List.of("jvm_memory_used_bytes", "r2dbc_pool_acquired_connections",
                "r2dbc_pool_max_allocated_connections", "mash_board_subscribers")) {
            assertThat(result(meter)).as(meter).isNotEmpty();
        }
    }

    private static double value(String promql) throws IOException, InterruptedException {
        var series = result(promql);
        assertThat(series).as(promql).hasSize(1);
        return Double.parseDouble(series.get(0).path("value").get(1).asString());
    }

    // ---- expressions

    private static void dashboardExpressions(Map<String, String> into) throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                var panels = new ArrayList<JsonNode>();
                dashboard.path("panels").forEach(panels::add);
                // panels folded into rows carry their own panels
                dashboard.path("panels").forEach(row -> row.path("panels").forEach(panels::add));
                for (var panel : panels) {
                    for (var target : panel.path("targets")) {
                        String expr = target.path("expr").asString("");
                        if (!expr.isBlank()) {
                            into.put("panel '" + panel.path("title").asString() + "' " + target.path("refId").asString()
                                    + " of " + file.getFileName(), substitute(expr));
                        }
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void ruleExpressions(Map<String, String> into) throws IOException {
        for (var file : ruleFiles()) {
            try (InputStream in = Files.newInputStream(file)) {
                Map<String, Object> content = new Yaml().load(in);
                for (var group : (List<Map<String, Object>>) content.get("groups")) {
                    for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                        String name = rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record");
                        into.put(name, rule.get("expr").toString().strip());
                    }
                }
            }
        }
    }

    private static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT_PROMETHEUS.resolve("rules"))) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static String substitute(String expr) {
        String result = expr;
        // longest names first, so $__rate_interval is not read as $__range… or $__interval
        var names = new ArrayList<>(GRAFANA_VARIABLES.keySet());
        names.sort((a, b) -> b.length() - a.length());
        for (var name : names) {
            result = result.replace(name, GRAFANA_VARIABLES.get(name));
        }
        return result;
    }

    // ---- Prometheus

    private static JsonNode query(String promql) throws IOException, InterruptedException {
        var uri = URI.create(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static JsonNode result(String promql) throws IOException, InterruptedException {
        var answer = query(promql);
        assertThat(answer.path("status").asString()).as("%s: %s", promql, answer).isEqualTo("success");
        return answer.path("data").path("result");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(PROJECT_PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
        return output;
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
