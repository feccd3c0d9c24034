package org.mashlive.bench;

import static org.mashlive.bench.Bench.f;
import static org.mashlive.bench.Bench.ms;
import static org.mashlive.bench.Bench.ratio;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.TestReferrals;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postgresql.PGConnection;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The benchmarks of docs/benchmarks.md: {@code ./mvnw -B -Pbench verify}. Every section starts
 * the application as its own process (on loopback, with the embedded PostgreSQL), drives it for a
 * bounded number of requests and seconds, and prints a table; every figure is also given as a
 * ratio to the PostgreSQL-only floor measured first in the same run.
 */
class MashLiveBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The board as the demo's kiosk screen opens it: signed in by its token, no login page. */
    private static final String BOARD_PAGE = "/board?kiosk=" + org.mashlive.board.api.Access.DEMO_KIOSK_TOKEN;

    private final Bench out = new Bench();
    private double floorP50;
    private double floorP99;
    private double floorRate;

    /** A backend process with its own embedded PostgreSQL. */
    record Backend(Service service, int http, int rsocket, int postgres, WebClient api) implements AutoCloseable {

        static Backend start(String... extra) {
            int http = Service.freePort();
            int rsocket = Service.freePort();
            int postgres = Service.freePort();
            var args = new ArrayList<>(List.of("--mash.role=backend", "--mash.backend.port=" + http,
                    "--mash.rsocket.port=" + rsocket, "--mash.embedded.port=" + postgres,
                    "--mash.simulation.enabled=false",
                    // every subscriber of the load generator connects from this one host
                    "--mash.rsocket.max-connections-per-address=2500"));
            args.addAll(List.of(extra));
            var service = Service.start("backend", args.toArray(String[]::new));
            service.awaitOk("http://localhost:" + http + "/actuator/health", WAIT);
            return new Backend(service, http, rsocket, postgres, BenchClients.web(http));
        }

        Connection jdbc() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres + "/postgres", "postgres", "");
        }

        String setting(String name) throws SQLException {
            try (var connection = jdbc(); var result = connection.createStatement().executeQuery("SHOW " + name)) {
                result.next();
                return result.getString(1);
            }
        }

        /** Posts one new referral; the answer's latency in microseconds, or -1 when refused. */
        Mono<Long> post() {
            return Mono.defer(() -> {
                long start = System.nanoTime();
                return api.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(TestReferrals.police())
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                        .map(status -> status == 201 ? (System.nanoTime() - start) / 1000 : -1L)
                        .onErrorReturn(-1L);
            });
        }

        /** {@code count} posts, one every {@code interval}; their answer latencies. */
        long[] paced(int count, Duration interval) {
            var latencies = new ConcurrentLinkedQueue<Long>();
            Flux.interval(interval).take(count).flatMap(i -> post(), 1000)
                    .doOnNext(latencies::add).blockLast(WAIT);
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }

        long lastSeq() throws SQLException {
            try (var connection = jdbc();
                 var result = connection.createStatement().executeQuery("SELECT last_seq FROM board_sequence")) {
                result.next();
                return result.getLong(1);
            }
        }

        @Override
        public void close() {
            service.close();
        }
    }

    @Test
    void run() throws Exception {
        out.line("# MASH Live benchmarks");
        out.line("");
        out.line("Machine: " + Bench.machine());
        var sections = java.util.Set.of(System.getProperty("bench.sections", "1,2,3,4,5,6,7").split(","));
        try (var backend = Backend.start()) {
            out.line("PostgreSQL: " + backend.setting("server_version") + " (embedded), synchronous_commit="
                    + backend.setting("synchronous_commit") + ", fsync=" + backend.setting("fsync")
                    + ", wal_sync_method=" + backend.setting("wal_sync_method"));
            out.line("Load average at start: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
            out.line("");
            floor(backend); // every other figure is a ratio to it
            if (sections.contains("2")) {
                commitToSubscriber(backend);
            }
        }
        if (sections.contains("3") || sections.contains("5") || sections.contains("6")) {
            try (var backend = Backend.start()) {
                if (sections.contains("3")) {
                    fanOut(backend);
                }
                if (sections.contains("5") || sections.contains("6")) {
                    wallboard(backend);
                }
            }
        }
        if (sections.contains("4")) {
            intake();
        }
        if (sections.contains("7")) {
            startup();
        }
        out.write();
    }

    // 1 -------------------------------------------------------------------------------------------

    private void floor(Backend backend) throws Exception {
        String payload = "x".repeat(400);
        try (var listener = backend.jdbc(); var writer = backend.jdbc()) {
            writer.createStatement().execute("""
                    CREATE TABLE bench_floor (id bigserial PRIMARY KEY,
                        at timestamptz NOT NULL DEFAULT clock_timestamp(), payload text NOT NULL)""");
            listener.createStatement().execute("LISTEN bench_floor");
            var pg = listener.unwrap(PGConnection.class);
            String insert = """
                    WITH i AS (INSERT INTO bench_floor (payload) VALUES (?) RETURNING at)
                    SELECT pg_notify('bench_floor', (extract(epoch FROM at) * 1000000)::bigint::text) FROM i""";
            int rounds = 1000;
            long[] latencies = new long[rounds];
            long[] afterCommit = new long[rounds];
            try (var statement = writer.prepareStatement(insert)) {
                statement.setString(1, payload);
                for (int i = 0; i < rounds + 100; i++) {
                    statement.execute();
                    long committed = Watcher.nowMicros();
                    org.postgresql.PGNotification[] heard;
                    do {
                        heard = pg.getNotifications(5000);
                    } while (heard == null || heard.length == 0);
                    long now = Watcher.nowMicros();
                    if (i >= 100) { // the first hundred warm up
                        latencies[i - 100] = now - Long.parseLong(heard[0].getParameter());
                        afterCommit[i - 100] = Math.max(0, now - committed);
                    }
                }
            }
            var stats = Stats.of(latencies);
            floorP50 = stats.p50();
            floorP99 = stats.p99();

            int connections = 8;
            var commits = new AtomicLong();
            var stop = new AtomicBoolean();
            var threads = new ArrayList<Thread>();
            for (int c = 0; c < connections; c++) {
                var connection = backend.jdbc();
                threads.add(Thread.ofPlatform().start(() -> {
                    try (connection; var statement = connection.prepareStatement(insert)) {
                        statement.setString(1, payload);
                        while (!stop.get()) {
                            statement.execute();
                            commits.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            Bench.pause(Duration.ofSeconds(1));
            long before = commits.get();
            long start = System.nanoTime();
            Bench.pause(Duration.ofSeconds(5));
            long done = commits.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            for (var thread : threads) {
                thread.join();
            }
            floorRate = done / seconds;
            // drain what the throughput run notified
            org.postgresql.PGNotification[] left;
            do {
                left = pg.getNotifications(200);
            } while (left != null && left.length > 0);

            out.line("## 1. Floor: PostgreSQL alone");
            out.line("");
            out.line("The same embedded PostgreSQL the backend uses. Latency: an autocommitted `INSERT … RETURNING at` "
                    + "whose `pg_notify` carries `at` (clock_timestamp() at insert, before the commit) to a JDBC "
                    + "connection LISTENing on the same machine; one at a time, " + rounds + " rounds after 100 of "
                    + "warm-up. Throughput: the same statement, durable, in loops on " + connections
                    + " connections for 5 s.");
            out.line("");
            out.line("| measure | p50 ms | p95 ms | p99 ms | max ms | commits/s |");
            out.line("|---|---|---|---|---|---|");
            out.line(f("| INSERT+NOTIFY → LISTENer | %s | %s | %s | %s | |", ms(stats.p50()), ms(stats.p95()),
                    ms(stats.p99()), ms(stats.max())));
            var delivery = Stats.of(afterCommit);
            out.line(f("| COMMIT answered → LISTENer (delivery only) | %s | %s | %s | %s | |", ms(delivery.p50()),
                    ms(delivery.p95()), ms(delivery.p99()), ms(delivery.max())));
            out.line(f("| INSERT+NOTIFY commits, %d connections | | | | | %.0f |", connections, floorRate));
            out.line("");
        }
    }

    // 2 -------------------------------------------------------------------------------------------

    private void commitToSubscriber(Backend backend) throws Exception {
        try (var watcher = new Watcher(backend.rsocket()).start()) {
            awaitSnapshots(List.of(watcher));
            backend.paced(20, Duration.ofMillis(50)); // warm-up
            awaitSeq(List.of(watcher), backend.lastSeq());
            watcher.drain();

            long[] steadyHttp = backend.paced(300, Duration.ofMillis(50));
            awaitSeq(List.of(watcher), backend.lastSeq());
            long[] steady = watcher.drain();

            long[] burstHttp = backend.paced(500, Duration.ofMillis(2));
            awaitSeq(List.of(watcher), backend.lastSeq());
            long[] burst = watcher.drain();

            out.line("## 2. Commit → RSocket subscriber");
            out.line("");
            out.line("Commit time is the event's `at`: `clock_timestamp()` when the outbox row is inserted, the "
                    + "last statement before COMMIT, so each figure includes the commit itself (as the floor does); "
                    + "arrival is the subscriber's `Instant.now()` when the event is decoded, on the same clock. "
                    + "One subscriber on its own TCP connection. The HTTP row is the POST's round trip at the client.");
            out.line("");
            out.line("| intake | events | p50 ms | p95 ms | p99 ms | max ms | p50 / floor | p99 / floor | gaps |");
            out.line("|---|---|---|---|---|---|---|---|---|");
            row("steady 20/s, 15 s", Stats.of(steady), watcher.gaps);
            row("burst 500 in 1 s", Stats.of(burst), watcher.gaps);
            row("HTTP answer, steady", Stats.of(ok(steadyHttp)), 0);
            row("HTTP answer, burst", Stats.of(ok(burstHttp)), 0);
            out.line("");
            out.line(f("Target p99 ≤ 10 ms at steady intake: %s.", verdict(Stats.of(steady).p99() <= 10,
                    Stats.of(steady).p99(), 10)));
            out.line(f("Refused posts: %d steady, %d burst.", refused(steadyHttp), refused(burstHttp)));
            out.line("");
        }
    }

    private void row(String name, Stats stats, int gaps) {
        out.line(f("| %s | %d | %s | %s | %s | %s | %s | %s | %d |", name, stats.count(), ms(stats.p50()),
                ms(stats.p95()), ms(stats.p99()), ms(stats.max()), ratio(stats.p50(), floorP50),
                ratio(stats.p99(), floorP99), gaps));
    }

    private static long[] ok(long[] latencies) {
        return java.util.Arrays.stream(latencies).filter(l -> l >= 0).toArray();
    }

    private static long refused(long[] latencies) {
        return java.util.Arrays.stream(latencies).filter(l -> l < 0).count();
    }

    private static String verdict(boolean met, double value, double target) {
        return met ? "met" : f("missed by %s ms (%.0f%% over)", ms(value - target), (value / target - 1) * 100);
    }

    private static void awaitSnapshots(List<Watcher> watchers) {
        await(() -> watchers.stream().allMatch(w -> w.snapshots > 0 || failed(w)), "snapshots");
    }

    private static void awaitSeq(List<Watcher> watchers, long seq) {
        await(() -> watchers.stream().allMatch(w -> w.seq >= seq || failed(w)), "sequence " + seq);
    }

    private static boolean failed(Watcher watcher) {
        return watcher.error != null;
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Bench.pause(Duration.ofMillis(5));
        }
    }

    // 3 -------------------------------------------------------------------------------------------

    private void fanOut(Backend backend) throws Exception {
        out.line("## 3. Fan-out");
        out.line("");
        out.line("N `board.stream` subscribers, each on its own TCP connection from the load generator's JVM "
                + "(which shares the machine's 2 cores with the backend), at a steady intake of 20/s for 10 s. "
                + "Latency as in section 2, over every (subscriber, event). CPU: the backend process's user+system "
                + "time during the intake, in cores. Heap: the backend's heap in use after a full GC, subscribers connected.");
        out.line("");
        out.line("| subscribers | deliveries | p50 ms | p95 ms | p99 ms | max ms | p99 / floor | backend CPU | backend heap MB | errors | gaps |");
        out.line("|---|---|---|---|---|---|---|---|---|---|---|");
        var watchers = new ArrayList<Watcher>();
        try {
            long idleHeap = backend.service().heapAfterGc();
            out.line(f("| 0 | | | | | | | | %.1f | | |", idleHeap / 1048576.0));
            for (int level : new int[] {100, 1000, 2000}) {
                while (watchers.size() < level) {
                    var batch = new ArrayList<Watcher>();
                    for (int i = 0; i < 100 && watchers.size() + batch.size() < level; i++) {
                        batch.add(new Watcher(backend.rsocket()).start());
                    }
                    awaitSnapshots(batch);
                    watchers.addAll(batch);
                }
                long heap = backend.service().heapAfterGc();
                watchers.forEach(Watcher::drain);
                var cpuBefore = backend.service().cpu();
                long start = System.nanoTime();
                backend.paced(200, Duration.ofMillis(50));
                awaitSeq(watchers, backend.lastSeq());
                double wall = (System.nanoTime() - start) / 1e9;
                double cores = (backend.service().cpu().minus(cpuBefore).toMillis() / 1000.0) / wall;
                long[] all = watchers.stream().map(Watcher::drain).flatMapToLong(java.util.Arrays::stream).toArray();
                var stats = Stats.of(all);
                long errors = watchers.stream().filter(MashLiveBenchmark::failed).count();
                int gaps = watchers.stream().mapToInt(w -> w.gaps).sum();
                out.line(f("| %d | %d | %s | %s | %s | %s | %s | %.2f | %.1f | %d | %d |", level, stats.count(),
                        ms(stats.p50()), ms(stats.p95()), ms(stats.p99()), ms(stats.max()),
                        ratio(stats.p99(), floorP99), cores, heap / 1048576.0, errors, gaps));
                watchers.stream().filter(MashLiveBenchmark::failed).map(w -> w.error.toString()).distinct().limit(3)
                        .forEach(message -> out.line("| | error: " + message.replace('|', '/') + " | | | | | | | | | |"));
                if (level == 2000) {
                    out.line("");
                    out.line(f("Target 2,000 subscribers with p99 ≤ 250 ms: %s.",
                            verdict(stats.p99() <= 250, stats.p99(), 250)));
                }
            }
        } finally {
            watchers.forEach(Watcher::close);
        }
        out.line("");
    }

    // 4 -------------------------------------------------------------------------------------------

    private void intake() throws Exception {
        out.line("## 4. Intake throughput");
        out.line("");
        out.line("Closed loop: C clients each POST a new referral and wait for the 201 before the next, for 8 s after "
                + "2 s of warm-up, on a fresh backend. Every commit durable (synchronous_commit=on, checked). "
                + "Latency is the POST's round trip.");
        out.line("");
        out.line("| clients | referrals/s | of floor | p50 ms | p95 ms | p99 ms | max ms | refused |");
        out.line("|---|---|---|---|---|---|---|---|");
        double best = 0;
        try (var backend = Backend.start()) {
            if (!"on".equals(backend.setting("synchronous_commit"))) {
                out.line("**synchronous_commit is " + backend.setting("synchronous_commit") + ": not durable**");
            }
            for (int clients : new int[] {8, 32, 64, 128}) {
                var latencies = new ConcurrentLinkedQueue<Long>();
                var recording = new AtomicBoolean();
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                var startAt = new AtomicLong();
                Flux.range(0, clients)
                        .flatMap(c -> backend.post()
                                .doOnNext(latency -> {
                                    if (recording.get()) {
                                        latencies.add(latency);
                                    }
                                })
                                .repeat(() -> System.nanoTime() < end), clients)
                        .doOnSubscribe(s -> Flux.just(1).delayElements(Duration.ofSeconds(2))
                                .subscribe(x -> {
                                    startAt.set(System.nanoTime());
                                    recording.set(true);
                                }))
                        .blockLast(WAIT);
                double seconds = (end - startAt.get()) / 1e9;
                long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
                long[] good = ok(all);
                var stats = Stats.of(good);
                double rate = good.length / seconds;
                best = Math.max(best, rate);
                out.line(f("| %d | %.0f | %.0f%% | %s | %s | %s | %s | %d |", clients, rate, 100 * rate / floorRate,
                        ms(stats.p50()), ms(stats.p95()), ms(stats.p99()), ms(stats.max()), refused(all)));
            }
        }
        out.line("");
        out.line(f("Highest sustained: %.0f referrals/s = %.0f%% of the floor's %.0f commits/s. Target ≥ 2,000/s: %s.",
                best, 100 * best / floorRate, floorRate, best >= 2000 ? "met"
                        : f("missed by %.0f/s", 2000 - best)));
        out.line("");
    }

    // 5, 6 ----------------------------------------------------------------------------------------

    private void wallboard(Backend backend) throws Exception {
        int port = Service.freePort();
        try (var wallboard = Service.start("wallboard", "--mash.role=wallboard", "--mash.wallboard.port=" + port,
                "--mash.wallboard.backend.rsocket-port=" + backend.rsocket())) {
            wallboard.awaitOk("http://localhost:" + port + BOARD_PAGE, WAIT);
            memory(wallboard, port);
            pixels(backend, port);
        }
    }

    private void memory(Service wallboard, int port) throws Exception {
        out.line("## 6. Memory per open wall-board");
        out.line("");
        out.line("Wall-board process heap after a full GC with N open `/board` UIs. Each UI is opened by a light "
                + "HTTP client that completes Vaadin's bootstrap: `GET /board` (a session), then the client "
                + "engine's `GET /?v-r=init&location=board`, which creates the UI and attaches the BoardView to the "
                + "shared board subscription; it opens no push connection (a browser's would add one WebSocket).");
        out.line("");
        out.line("| open UIs | heap MB | per UI KB, from the 1-UI point |");
        out.line("|---|---|---|");
        // The first UI also warms up Vaadin's shared caches and the baseline still holds start-up
        // leftovers, so per UI is the slope from the one-UI point, not from zero.
        long base = wallboard.heapAfterGc();
        out.line(f("| 0 | %.1f | |", base / 1048576.0));
        var sessions = new ArrayList<HttpClient>();
        double perUi = Double.NaN;
        long one = 0;
        for (int level : new int[] {1, 50, 200}) {
            while (sessions.size() < level) {
                var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BOARD_PAGE)).build(),
                        HttpResponse.BodyHandlers.ofString());
                var init = client.send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/?v-r=init&location=board")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200 || init.statusCode() != 200 || !init.body().contains("v-uiId")) {
                    throw new IllegalStateException("bootstrap failed: " + init.statusCode() + " " + init.body());
                }
                sessions.add(client);
            }
            long heap = wallboard.heapAfterGc();
            if (level == 1) {
                one = heap;
                out.line(f("| 1 | %.1f | |", heap / 1048576.0));
            } else {
                perUi = (heap - one) / 1024.0 / (level - 1);
                out.line(f("| %d | %.1f | %.0f |", level, heap / 1048576.0, perUi));
            }
        }
        out.line("");
        out.line(f("Target ≤ 300 KB per board: %s.", perUi > 0 && perUi <= 300 ? "met"
                : perUi > 300 ? f("missed by %.0f KB", perUi - 300) : "not measurable (heap noise exceeds the growth)"));
        out.line("");
    }

    private void pixels(Backend backend, int port) throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + BOARD_PAGE);
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
            browser.executeScript("""
                    window.__seen = {};
                    const scan = () => {
                      const now = Date.now();
                      const text = document.getElementById('ticker-list').textContent;
                      for (const ref of (text.match(/MASH-\\d{4}-\\d{6}/g) || [])) {
                        if (!(ref in window.__seen)) window.__seen[ref] = now;
                      }
                    };
                    scan();
                    new MutationObserver(scan).observe(document.body, {subtree: true, childList: true, characterData: true});
                    """);
            long after = backend.lastSeq();
            int count = 60;
            backend.paced(count, Duration.ofMillis(500));
            Map<String, Long> commits = new HashMap<>();
            try (var connection = backend.jdbc(); var statement = connection.prepareStatement(
                    "SELECT payload->>'reference', (extract(epoch FROM at) * 1000000)::bigint FROM board_event "
                            + "WHERE seq > ? AND type = 'REFERRAL_RECEIVED'")) {
                statement.setLong(1, after);
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        commits.put(result.getString(1), result.getLong(2));
                    }
                }
            }
            await(() -> {
                @SuppressWarnings("unchecked")
                var seen = (Map<String, Object>) browser.executeScript("return window.__seen;");
                return seen.keySet().containsAll(commits.keySet());
            }, "references on the board");
            @SuppressWarnings("unchecked")
            var seen = (Map<String, Object>) browser.executeScript("return window.__seen;");
            long[] latencies = commits.entrySet().stream()
                    .mapToLong(e -> ((Number) seen.get(e.getKey())).longValue() * 1000 - e.getValue()).toArray();
            var stats = Stats.of(latencies);
            out.line("## 5. Commit → pixels");
            out.line("");
            out.line("Headless chromium on `/board` of a wall-board process connected to the backend over RSocket. A "
                    + "MutationObserver in the page stamps `Date.now()` (1 ms resolution) the first time each "
                    + "reference appears in the ticker's DOM, i.e. when the browser applies Vaadin's push, before "
                    + "paint (the next frame, ≤ 17 ms later, is not counted). Commit time is the event's `at`. "
                    + count + " referrals, one every 500 ms.");
            out.line("");
            out.line("| referrals | p50 ms | p95 ms | p99 ms | max ms | p50 / floor | p95 target 500 ms |");
            out.line("|---|---|---|---|---|---|---|");
            out.line(f("| %d | %s | %s | %s | %s | %s | %s |", stats.count(), ms(stats.p50()), ms(stats.p95()),
                    ms(stats.p99()), ms(stats.max()), ratio(stats.p50(), floorP50),
                    verdict(stats.p95() <= 500, stats.p95(), 500)));
            out.line("");
        } finally {
            browser.quit();
        }
    }

    // 7 -------------------------------------------------------------------------------------------

    private void startup() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            int http = Service.freePort();
            int rsocket = Service.freePort();
            int port = Service.freePort();
            try (var all = Service.start("all", "--mash.backend.port=" + http, "--mash.rsocket.port=" + rsocket,
                    "--mash.wallboard.port=" + port, "--mash.simulation.enabled=false")) {
                var backendReady = all.awaitOk("http://localhost:" + http + "/actuator/health", WAIT);
                all.awaitOk("http://localhost:" + port + BOARD_PAGE, WAIT);
                browser.get("http://localhost:" + port + BOARD_PAGE);
                new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(10))
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
                var rendered = Duration.ofNanos(System.nanoTime() - all.startedNanos);
                out.line("## 7. Start-up");
                out.line("");
                out.line("`java -cp … org.mashlive.MashLive` (role all, embedded PostgreSQL in a new temporary "
                        + "directory, so initdb and the migrations are included), until chromium (started "
                        + "beforehand) shows `/board` LIVE with its figures; polled every 10 ms.");
                out.line("");
                out.line("| milestone | seconds |");
                out.line("|---|---|");
                out.line(f("| backend health UP | %.2f |", backendReady.toMillis() / 1000.0));
                out.line(f("| first board render, LIVE | %.2f |", rendered.toMillis() / 1000.0));
                out.line("");
            }
        } finally {
            browser.quit();
        }
    }
}
