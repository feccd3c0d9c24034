package org.mashlive.bench;

import static org.mashlive.bench.Bench.f;
import static org.mashlive.bench.Bench.ms;
import static org.mashlive.bench.Bench.ratio;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postgresql.PGConnection;

/**
 * The benchmarks of docs/benchmarks.md: {@code ./mvnw -B -Pbench verify}. Every section starts
 * the application as its own process (on loopback, with the embedded PostgreSQL), drives it for a
 * bounded number of requests and seconds, and prints a table; every figure is also given as a
 * ratio to the PostgreSQL-only floor measured first in the same run.
 */
class MashLiveBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The fan-out levels of section 3. */
    private static final int[] FAN_OUT = {100, 1000, 2000, 5000, 10000};
    private static final int MAX_SUBSCRIBERS = FAN_OUT[FAN_OUT.length - 1];
    /** Intake one at a time, as before group commit: a group of at most one. */
    private static final String ONE_AT_A_TIME = "--mash.intake.group.max-size=1";
    /** The board as the demo's kiosk screen opens it: signed in by its token, no login page. */
    private static final String BOARD_PAGE = "/board?kiosk=" + org.mashlive.board.api.Access.DEMO_KIOSK_TOKEN;

    private final Bench out = new Bench();
    private double floorP50;
    private double floorP99;
    private double floorRate;

    /** A backend process with its own embedded PostgreSQL. */
    record Backend(Service service, int http, int rsocket, int postgres, java.nio.file.Path data)
            implements AutoCloseable {

        static Backend start(String... extra) {
            return start(false, extra);
        }

        /** A backend; with {@code simulation}, the demo hub's simulator runs in it as in the demo. */
        static Backend start(boolean simulation, String... extra) {
            int http = Service.freePort();
            int rsocket = Service.freePort();
            int postgres = Service.freePort();
            java.nio.file.Path data;
            try {
                data = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target").toAbsolutePath(), "bench-db-");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            var args = new ArrayList<>(List.of("--mash.role=backend", "--mash.backend.port=" + http,
                    "--mash.rsocket.port=" + rsocket, "--mash.embedded.port=" + postgres,
                    // a directory of its own, so that the benchmark can read the database's password there
                    "--mash.embedded.data-directory=" + data,
                    "--mash.simulation.enabled=" + simulation,
                    // every subscriber of the load generator connects from this one host
                    "--mash.rsocket.max-connections-per-address=" + (MAX_SUBSCRIBERS + 500)));
            args.addAll(List.of(extra));
            var service = Service.start("backend", args.toArray(String[]::new));
            service.awaitOk("http://localhost:" + http + "/actuator/health", WAIT);
            return new Backend(service, http, rsocket, postgres, data);
        }

        Connection jdbc() throws SQLException {
            String password;
            try {
                password = java.nio.file.Files.readString(data.resolve("mash-live.secret")).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no password of the embedded database in " + data, e);
            }
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres + "/postgres", "postgres",
                    password);
        }

        String setting(String name) throws SQLException {
            try (var connection = jdbc(); var result = connection.createStatement().executeQuery("SHOW " + name)) {
                result.next();
                return result.getString(1);
            }
        }

        /**
         * {@code count} posts arriving as a Poisson process at {@code perSecond} on average (see
         * {@link Posts#poisson}); their answer latencies in microseconds, -1 for each refused.
         */
        long[] poisson(int count, double perSecond, long seed) {
            try (var posts = new Posts(http)) {
                return posts.poisson(count, perSecond, seed);
            }
        }

        /** {@code count} new contacts posted one after the other: their bodies, to be sent again. */
        List<byte[]> received(int count) {
            try (var posts = new Posts(http)) {
                return posts.received(count);
            }
        }

        /**
         * {@code count} of the contacts {@code received} sent again, as a Poisson process (see
         * {@link Posts#poissonRepeats}): the intake's whole way, answered 200, and nothing added to
         * the board.
         */
        void poissonRepeats(List<byte[]> received, int count, double perSecond, long seed) {
            long[] latencies;
            try (var posts = new Posts(http)) {
                latencies = posts.poissonRepeats(received, count, perSecond, seed);
            }
            long refused = java.util.Arrays.stream(latencies).filter(latency -> latency < 0).count();
            if (refused > 0) {
                throw new IllegalStateException(refused + " of " + count + " contacts sent again were not answered 200");
            }
        }

        /**
         * Brings the backend's hot paths to compiled code, as they are after a few minutes' work: a
         * freshly started JVM interprets them, and its compiler threads take a core for tens of
         * seconds. Closed-loop posts by {@code clients}, in slices of {@code slice}: at least
         * {@code least}, then more until the backend's compiler threads used less than
         * {@link #QUIET_COMPILER} of a core in one, or {@code most} have gone; each slice's rate and
         * compiler share.
         */
        List<WarmSlice> warmUp(int clients, Duration slice, int least, int most) {
            var slices = new ArrayList<WarmSlice>();
            try (var posts = new Posts(http)) {
                while (slices.size() < most) {
                    var compiler = service.compilerCpu();
                    long started = System.nanoTime();
                    double rate = posts.closedLoop(clients, Duration.ZERO, slice).rate();
                    double share = compilerShare(this, compiler, started);
                    slices.add(new WarmSlice(rate, share));
                    if (slices.size() >= least && share < QUIET_COMPILER) {
                        break;
                    }
                }
            }
            return slices;
        }

        /**
         * The intake's transactions so far and the contacts they took in, from the backend's meter
         * {@code mash_intake_group_size} (nothing is recorded when each contact goes alone).
         */
        long[] groups() throws java.io.IOException, InterruptedException {
            var request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + http + "/actuator/prometheus")).build();
            String text;
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                text = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }
            long[] countAndSum = new long[2];
            var line = java.util.regex.Pattern.compile("(?m)^mash_intake_group_size_(count|sum)(\\{[^}]*})? (\\S+)$")
                    .matcher(text);
            while (line.find()) {
                countAndSum["count".equals(line.group(1)) ? 0 : 1] += (long) Double.parseDouble(line.group(3));
            }
            return countAndSum;
        }

        /** CPU time the embedded PostgreSQL has used so far: the postmaster and every process under it now. */
        Duration postgresCpu() {
            long postmaster;
            try {
                postmaster = Long.parseLong(java.nio.file.Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no postmaster.pid in " + data, e);
            }
            var total = Service.cpuOf(postmaster);
            for (var child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
                total = total.plus(Service.cpuOf(child.pid()));
            }
            return total;
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
            try (var files = java.nio.file.Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (java.io.IOException e) {
                // left under target for the next clean
            }
        }
    }

    @Test
    void run() throws Exception {
        out.line("# MASH Live benchmarks");
        out.line("");
        out.line("Machine: " + Bench.machine());
        String options = System.getProperty("bench.jvm.options", "").strip();
        out.line("JVM options of the processes measured: " + (options.isEmpty() ? "none (G1, the JVM's default)" : options));
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
        if (sections.contains("3")) {
            try (var backend = Backend.start()) {
                fanOut(backend);
            }
        }
        if (sections.contains("5") || sections.contains("6")) {
            // the board as a hub sees it: the demo's simulator keeps it busy with its own contacts
            try (var backend = Backend.start(true)) {
                wallboard(backend);
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
            backend.poisson(WARM_POSTS, WARM_RATE, 1); // warm-up
            var settling = settle(backend, SETTLE_POSTS, WARM_RATE, 100);
            awaitSeq(List.of(watcher), backend.lastSeq());
            watcher.drain();

            var compiler = backend.service().compilerCpu();
            long started = System.nanoTime();
            long[] steadyHttp = backend.poisson(300, 20, 2);
            awaitSeq(List.of(watcher), backend.lastSeq());
            long[] steady = watcher.drain();
            double steadyCompiler = compilerShare(backend, compiler, started);

            compiler = backend.service().compilerCpu();
            started = System.nanoTime();
            long[] burstHttp = backend.poisson(500, 500, 3);
            awaitSeq(List.of(watcher), backend.lastSeq());
            long[] burst = watcher.drain();
            double burstCompiler = compilerShare(backend, compiler, started);

            out.line("## 2. Commit → RSocket subscriber");
            out.line("");
            out.line("Commit time is the event's `at`: `clock_timestamp()` when the outbox row is inserted, the "
                    + "last statement before COMMIT, so each figure includes the commit itself (as the floor does); "
                    + "arrival is the subscriber's `Instant.now()` when the event is decoded, on the same clock. "
                    + "One subscriber on its own TCP connection. The HTTP row is the POST's round trip at the client. "
                    + "Posts arrive as a Poisson process (exponential gaps, seeded): steady at 20/s on average, the "
                    + "burst at 500/s on average, after a warm-up of " + WARM_POSTS + " posts at " + (int) WARM_RATE + "/s "
                    + "and then of " + SETTLE_POSTS + " more at a time until the backend's JIT compiler threads used "
                    + "less than " + Math.round(QUIET_COMPILER * 100) + "% of a core in one of them (at most "
                    + SETTLE_SLICES + "): a freshly started JVM goes on compiling for a minute or more, its compiler "
                    + "threads taking the cores from what is measured, and a hub's backend serves for days. "
                    + "Posts are plain HTTP/1.1 on kept-alive sockets (`Posts`, as in section 4).");
            out.line("");
            out.line("| intake | events | p50 ms | p95 ms | p99 ms | max ms | p50 / floor | p99 / floor | gaps |");
            out.line("|---|---|---|---|---|---|---|---|---|");
            row("steady 20/s, 300 posts", Stats.of(steady), watcher.gaps);
            row("burst 500 at 500/s", Stats.of(burst), watcher.gaps);
            row("HTTP answer, steady", Stats.of(ok(steadyHttp)), 0);
            row("HTTP answer, burst", Stats.of(ok(burstHttp)), 0);
            out.line("");
            out.line(f("Target p99 ≤ 10 ms at steady intake: %s.", verdict(Stats.of(steady).p99() <= 10,
                    Stats.of(steady).p99(), 10)));
            out.line(f("Target p99 ≤ 50 ms in the burst: %s.", verdict(Stats.of(burst).p99() <= 50,
                    Stats.of(burst).p99(), 50)));
            out.line(f("Target burst of 500 answered with p50 ≤ 250 ms: %s.", verdict(Stats.of(ok(burstHttp)).p50() <= 250,
                    Stats.of(ok(burstHttp)).p50(), 250)));
            out.line(f("Refused posts: %d steady, %d burst.", refused(steadyHttp), refused(burstHttp)));
            out.line(f("The backend's JIT compiler, in cores: %s in the warm-up's slices of %d posts after the first "
                    + "%d; %.2f during the steady intake, %.2f during the burst.", shares(settling), SETTLE_POSTS,
                    WARM_POSTS, steadyCompiler, burstCompiler));
            out.line("");
        }
    }

    /**
     * Posts {@code posts} at a time at {@code rate} until the backend's JIT compiler threads use
     * less than {@link #QUIET_COMPILER} of a core during one slice, or {@link #SETTLE_SLICES} have
     * gone; the compiler's share of a core in each.
     */
    private static List<Double> settle(Backend backend, int posts, double rate, long seed) {
        return settle(backend, slice -> backend.poisson(posts, rate, seed + slice));
    }

    /** Slices of {@code slice} until the compiler is quiet, or {@link #SETTLE_SLICES} of them: each slice's compiler share. */
    private static List<Double> settle(Backend backend, java.util.function.IntConsumer slices) {
        var shares = new ArrayList<Double>();
        for (int slice = 0; slice < SETTLE_SLICES; slice++) {
            var compiler = backend.service().compilerCpu();
            long started = System.nanoTime();
            slices.accept(slice);
            double share = compilerShare(backend, compiler, started);
            shares.add(share);
            if (share < QUIET_COMPILER) {
                break;
            }
        }
        return shares;
    }

    private static String shares(List<Double> shares) {
        return shares.stream().map(share -> f("%.2f", share)).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The cores the backend's compiler threads used since {@code before}, read at {@code started}. */
    private static double compilerShare(Backend backend, Map<String, Long> before, long started) {
        var used = Service.compilerCpuBetween(before, backend.service().compilerCpu());
        return used.toNanos() / (double) (System.nanoTime() - started);
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

    /** Full clients among the subscribers of section 3, whose every event's latency is measured. */
    private static final int PROBES = 100;

    private void fanOut(Backend backend) throws Exception {
        out.line("## 3. Fan-out");
        out.line("");
        out.line("N `board.stream` subscribers, each on its own TCP connection from the load generator's JVM, which "
                + "shares the machine's 2 cores with the backend, at a Poisson intake of 20/s on average, 200 posts, after a warm-up of "
                + WARM_POSTS + " posts at " + (int) WARM_RATE + "/s before the first subscriber, and "
                + SUBSCRIBED_WARM_POSTS + " at " + (int) SUBSCRIBED_WARM_RATE + "/s more once the first level's "
                + "subscribers are there, unmeasured: the warm-up before has none, so what sends to them would "
                + "otherwise be compiled while the first level is measured. Before the first subscriber, the intake "
                + "also settles as in section 2, in slices of " + SETTLE_POSTS + " posts at " + (int) WARM_RATE
                + "/s until the compiler's share of the backend is under " + QUIET_COMPILER + " core, but of "
                + REPEATED + " contacts already received, sent again: each is answered 200 with its referral, the "
                + "intake's whole way, and adds nothing to the board, which every subscriber starts with (new "
                + "referrals by the thousand would make every subscriber's snapshot megabytes). The compiler's share "
                + "during each level is shown too. "
                + "Up to " + PROBES + " of them are full RSocket clients that measure every event (latency as in "
                + "section 2, over every (probe, event)); the others sign in and ask for the stream in raw RSocket "
                + "frames, and one thread reads all their connections and throws the bytes away, counting the payload "
                + "frames (`Drains`): the backend does for them what it does for any subscriber, and the load "
                + "generator spends a read per batch of bytes instead of an RSocket client per connection. Delivered: "
                + "the fewest events any subscriber received during the intake, by the last sequence it read; "
                + "updates sent to each: the payload frames a subscriber read during the intake, on average (an event "
                + "that comes while the one before is still being written to every subscriber goes with the next "
                + "ones, as one update; heartbeats add a few). CPU: the backend process's user+system time during "
                + "the intake, in cores, and of it the JIT compiler threads'. "
                + "Heap: the backend's heap in use after a full GC, subscribers connected; per subscriber, its "
                + "growth over the heap with none, divided by N.");
        out.line("");
        out.line("| subscribers | probe deliveries | p50 ms | p95 ms | p99 ms | max ms | p99 / floor | events | fewest delivered | updates sent to each | backend CPU | of which JIT compiler | backend heap MB | heap per subscriber KB | cut off or refused | gaps |");
        out.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var watchers = new ArrayList<Watcher>();
        backend.poisson(WARM_POSTS, WARM_RATE, 1); // warm-up
        var again = backend.received(REPEATED);
        var settling = settle(backend, slice -> backend.poissonRepeats(again, SETTLE_POSTS, WARM_RATE, 10 + slice));
        try (var drains = new Drains(backend.rsocket())) {
            var idle = backend.service().liveObjects();
            long idleHeap = idle.bytes();
            Service.LiveObjects largest = idle;
            int largestLevel = 0;
            out.line(f("| 0 | | | | | | | | | | | | %.1f | | | |", idleHeap / 1048576.0));
            for (int level : FAN_OUT) {
                while (watchers.size() < Math.min(level, PROBES)) {
                    var batch = new ArrayList<Watcher>();
                    for (int i = 0; i < 100 && watchers.size() + batch.size() < Math.min(level, PROBES); i++) {
                        batch.add(new Watcher(backend.rsocket()).start());
                    }
                    awaitSnapshots(batch);
                    watchers.addAll(batch);
                }
                while (watchers.size() + drains.size() < level) {
                    drains.open(Math.min(500, level - watchers.size() - drains.size()));
                    await(() -> drains.fewestPayloads() >= 1 || drains.failed() > 0, "drains' snapshots");
                }
                if (level == FAN_OUT[0]) {
                    // the warm-up had no subscribers: compile the way to them before measuring it
                    backend.poisson(SUBSCRIBED_WARM_POSTS, SUBSCRIBED_WARM_RATE, 2);
                    awaitSeq(watchers, backend.lastSeq());
                }
                var live = backend.service().liveObjects();
                long heap = live.bytes();
                largest = live;
                largestLevel = level;
                watchers.forEach(Watcher::drain);
                long[] drainedBefore = drains.seqs();
                long[] framesBefore = drains.payloads();
                long seqBefore = backend.lastSeq();
                var cpuBefore = backend.service().cpu();
                var compilerBefore = backend.service().compilerCpu();
                long start = System.nanoTime();
                backend.poisson(200, 20, level);
                long seqAfter = backend.lastSeq();
                awaitSeq(watchers, seqAfter);
                long events = seqAfter - seqBefore;
                // every drain has read up to the last event, or gave up
                long deadline = System.nanoTime() + WAIT.toNanos();
                long fewest;
                do {
                    long[] now = drains.seqs();
                    fewest = Long.MAX_VALUE;
                    for (int i = 0; i < now.length; i++) {
                        fewest = Math.min(fewest, now[i] - (i < drainedBefore.length ? drainedBefore[i] : 0));
                    }
                    if (fewest >= events || drains.failed() > 0) {
                        break;
                    }
                    Bench.pause(Duration.ofMillis(20));
                } while (System.nanoTime() < deadline);
                double wall = (System.nanoTime() - start) / 1e9;
                long[] framesAfter = drains.payloads();
                double updatesEach = 0;
                for (int i = 0; i < framesAfter.length; i++) {
                    updatesEach += framesAfter[i] - (i < framesBefore.length ? framesBefore[i] : 0);
                }
                updatesEach = framesAfter.length == 0 ? Double.NaN : updatesEach / framesAfter.length;
                double cores = (backend.service().cpu().minus(cpuBefore).toMillis() / 1000.0) / wall;
                double compilerCores = Service.compilerCpuBetween(compilerBefore, backend.service().compilerCpu())
                        .toMillis() / 1000.0 / wall;
                long[] all = watchers.stream().map(Watcher::drain).flatMapToLong(java.util.Arrays::stream).toArray();
                var stats = Stats.of(all);
                long errors = watchers.stream().filter(MashLiveBenchmark::failed).count() + drains.failed();
                int gaps = watchers.stream().mapToInt(w -> w.gaps).sum();
                double perSubscriber = (heap - idleHeap) / 1024.0 / level;
                out.line(f("| %d | %d | %s | %s | %s | %s | %s | %d | %s | %s | %.2f | %.2f | %.1f | %.1f | %d | %d |", level,
                        stats.count(), ms(stats.p50()), ms(stats.p95()), ms(stats.p99()), ms(stats.max()),
                        ratio(stats.p99(), floorP99), events, drains.size() == 0 ? "–" : Long.toString(fewest),
                        drains.size() == 0 ? "–" : f("%.0f", updatesEach), cores, compilerCores,
                        heap / 1048576.0, perSubscriber, errors, gaps));
                watchers.stream().filter(MashLiveBenchmark::failed).map(w -> w.error.toString()).distinct().limit(3)
                        .forEach(message -> out.line("| | error: " + message.replace('|', '/') + " | | | | | | | | | | | | | | |"));
                if (level == MAX_SUBSCRIBERS) {
                    out.line("");
                    out.line(f("Target %,d subscribers with p99 ≤ 250 ms: %s; heap ≤ 20 KB per subscriber: %s.",
                            level, verdict(stats.p99() <= 250, stats.p99(), 250),
                            perSubscriber <= 20 ? "met" : f("missed by %.1f KB", perSubscriber - 20)));
                }
            }
            out.line("");
            out.line("The compiler's share of the backend in each slice of contacts sent again before the first "
                    + "subscriber: " + shares(settling) + (settling.getLast() < QUIET_COMPILER ? "." : " (not quiet "
                    + "after " + SETTLE_SLICES + " slices)."));
            perSubscriber(idle, largest, largestLevel);
        } finally {
            watchers.forEach(Watcher::close);
        }
        out.line("");
    }

    /** What a subscriber holds: the classes whose live objects grew most from none to {@code level}. */
    private void perSubscriber(Service.LiveObjects idle, Service.LiveObjects at, int level) {
        if (level == 0) {
            return;
        }
        record Growth(String type, double instances, double bytes) {
        }
        var growths = new ArrayList<Growth>();
        at.byClass().forEach((type, counts) -> {
            long[] before = idle.byClass().getOrDefault(type, new long[2]);
            growths.add(new Growth(type, (counts[0] - before[0]) / (double) level, (counts[1] - before[1]) / (double) level));
        });
        growths.sort(java.util.Comparator.comparingDouble(Growth::bytes).reversed());
        out.line("");
        out.line(f("What a subscriber holds, from the class histograms with none and with %,d: the classes that "
                + "grew most, per subscriber.", level));
        out.line("");
        out.line("| class | instances per subscriber | bytes per subscriber |");
        out.line("|---|---|---|");
        double shown = 0;
        for (var growth : growths.subList(0, Math.min(15, growths.size()))) {
            out.line(f("| `%s` | %.2f | %.0f |", growth.type(), growth.instances(), growth.bytes()));
            shown += growth.bytes();
        }
        out.line(f("| the other classes | | %.0f |", (at.bytes() - idle.bytes()) / (double) level - shown));
    }

    // 4 -------------------------------------------------------------------------------------------

    /**
     * The warm-up before latencies are measured on a backend that serves a board: Poisson posts at
     * this rate for 15 s, so that the hot paths are compiled, without leaving a board of tens of
     * thousands of open referrals whose snapshot every new subscriber would get.
     */
    private static final int WARM_POSTS = 1500;
    private static final double WARM_RATE = 100;
    /**
     * Section 2: after the warm-up, more posts in slices of this many at its rate, until the
     * backend's JIT compiler threads use less than this share of a core in one, or this many
     * slices have gone (two minutes).
     */
    private static final int SETTLE_POSTS = 500;
    /** Contacts section 3 sends again while the intake settles. */
    private static final int REPEATED = 50;
    private static final double QUIET_COMPILER = 0.05;
    private static final int SETTLE_SLICES = 24;
    /** Fan-out: more warm-up once the first subscribers are there, the way to them being still cold. */
    private static final int SUBSCRIBED_WARM_POSTS = 600;
    private static final double SUBSCRIBED_WARM_RATE = 40;

    /**
     * Clients, slice length, and the least and most slices of the warm-up before a backend's intake is
     * measured: at least half a minute, then until the compiler is quiet, at most a minute and a half.
     */
    private static final int WARM_CLIENTS = 32;
    private static final Duration WARM_SLICE = Duration.ofSeconds(5);
    private static final int WARM_SLICES = 6;
    private static final int WARM_SLICES_MOST = 18;

    /** One slice of the intake's warm-up: referrals/s, and the cores the backend's compiler threads used. */
    record WarmSlice(double rate, double compiler) {
    }

    private void intake() throws Exception {
        out.line("## 4. Intake throughput");
        out.line("");
        out.line("Closed loop: C clients each POST a new referral and wait for the 201 before the next, for 8 s after "
                + "2 s of settling. Each mode runs on a fresh backend, warmed up first by " + WARM_CLIENTS
                + " clients in slices of " + WARM_SLICE.toSeconds() + " s (below): at least " + WARM_SLICES
                + ", then more until the backend's JIT compiler threads used less than "
                + Math.round(QUIET_COMPILER * 100) + "% of a core in one (at most " + WARM_SLICES_MOST
                + "), as in sections 2 and 3: a freshly started JVM interprets the hot paths and its compiler "
                + "takes a core for a minute or more, and a backend serves for days. Every commit durable "
                + "(synchronous_commit=on, checked). Latency is the POST's "
                + "round trip. The posts are plain HTTP/1.1 on kept-alive sockets (`Posts`: a virtual thread per "
                + "client writes the request and reads the answer's status, headers and body), so that the load "
                + "generator leaves the cores to what it measures; CPU per referral is each process's user+system "
                + "time over the level's 10 s divided by the referrals answered in them (PostgreSQL: the postmaster "
                + "and its processes; of the backend's, what its JIT compiler threads used); contacts per "
                + "transaction, the mean size of the groups committed in the level's 10 s (the backend's "
                + "`mash_intake_group_size` meter). First one intake per transaction, as before group commit (`"
                + ONE_AT_A_TIME.substring(2) + "`), then with concurrent intakes grouped (the default), in the same run.");
        out.line("");
        out.line("| intake | clients | referrals/s | of floor | p50 ms | p95 ms | p99 ms | max ms | refused "
                + "| contacts per transaction | CPU µs per referral: backend | of it, JIT compiler | PostgreSQL "
                + "| load generator |");
        out.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var warmUps = new java.util.LinkedHashMap<String, List<WarmSlice>>();
        var before = intakeRun("one at a time", warmUps, ONE_AT_A_TIME);
        var after = intakeRun("grouped", warmUps);
        out.line("");
        out.line("Warm-up, " + WARM_CLIENTS + " clients from the backend's start, referrals/s in each "
                + WARM_SLICE.toSeconds() + " s (the cores the backend's JIT compiler threads used in it):");
        out.line("");
        warmUps.forEach((label, slices) -> out.line("- " + label + ": " + slices.stream()
                .map(slice -> f("%.0f (%.2f)", slice.rate(), slice.compiler()))
                .collect(java.util.stream.Collectors.joining(", "))));
        double best = after.values().stream().mapToDouble(r -> r.rate).max().orElse(0);
        double bestBefore = before.values().stream().mapToDouble(r -> r.rate).max().orElse(0);
        out.line("");
        out.line(f("Highest sustained, grouped: %.0f referrals/s = %.0f%% of the floor's %.0f commits/s (one at a time: "
                        + "%.0f/s, so %.1f× that). Target ≥ 2,000/s and ≥ 25%% of the floor: %s.",
                best, 100 * best / floorRate, floorRate, bestBefore, best / bestBefore,
                best >= 2000 && best >= floorRate / 4 ? "met"
                        : f("missed (%.0f/s short of 2,000; %.0f%% of the floor)", Math.max(0, 2000 - best),
                        100 * best / floorRate)));
        var at32 = after.get(32);
        out.line(f("Target p99 HTTP answer ≤ 100 ms at 32 clients, grouped: %s.",
                verdict(at32.stats.p99() <= 100, at32.stats.p99(), 100)));
        out.line("");
    }

    private record IntakeRow(double rate, Stats stats) {
    }

    private Map<Integer, IntakeRow> intakeRun(String label, Map<String, List<WarmSlice>> warmUps, String... settings)
            throws Exception {
        var rows = new java.util.TreeMap<Integer, IntakeRow>();
        var self = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        try (var backend = Backend.start(settings); var posts = new Posts(backend.http())) {
            if (!"on".equals(backend.setting("synchronous_commit"))) {
                out.line("**synchronous_commit is " + backend.setting("synchronous_commit") + ": not durable**");
            }
            warmUps.put(label, backend.warmUp(WARM_CLIENTS, WARM_SLICE, WARM_SLICES, WARM_SLICES_MOST));
            for (int clients : new int[] {8, 32, 64, 128}) {
                var backendCpu = backend.service().cpu();
                var compilerCpu = backend.service().compilerCpu();
                var postgresCpu = backend.postgresCpu();
                long generatorCpu = self.getProcessCpuTime();
                long[] groups = backend.groups();
                var run = posts.closedLoop(clients, Duration.ofSeconds(2), Duration.ofSeconds(8));
                long[] groupsAfter = backend.groups();
                long transactions = groupsAfter[0] - groups[0];
                // one at a time, every contact is a transaction of its own, and no group is recorded
                double perTransaction = transactions == 0 ? 1 : (groupsAfter[1] - groups[1]) / (double) transactions;
                double answered = Math.max(1, run.answered());
                double backendUs = backend.service().cpu().minus(backendCpu).toNanos() / 1000.0 / answered;
                double compilerUs = Service.compilerCpuBetween(compilerCpu, backend.service().compilerCpu()).toNanos()
                        / 1000.0 / answered;
                double postgresUs = backend.postgresCpu().minus(postgresCpu).toNanos() / 1000.0 / answered;
                double generatorUs = (self.getProcessCpuTime() - generatorCpu) / 1000.0 / answered;
                var stats = Stats.of(run.latencies());
                rows.put(clients, new IntakeRow(run.rate(), stats));
                out.line(f("| %s | %d | %.0f | %.0f%% | %s | %s | %s | %s | %d | %.1f | %.0f | %.0f | %.0f | %.0f |", label,
                        clients, run.rate(), 100 * run.rate() / floorRate, ms(stats.p50()), ms(stats.p95()),
                        ms(stats.p99()), ms(stats.max()), run.refused(), perTransaction, backendUs, compilerUs,
                        postgresUs, generatorUs));
            }
        }
        return rows;
    }

    // 5, 6 ----------------------------------------------------------------------------------------

    private void wallboard(Backend backend) throws Exception {
        int port = Service.freePort();
        try (var wallboard = Service.start("wallboard", "--mash.role=wallboard", "--mash.wallboard.port=" + port,
                "--mash.wallboard.backend.rsocket-port=" + backend.rsocket())) {
            wallboard.awaitOk("http://localhost:" + port + BOARD_PAGE, WAIT);
            memory(wallboard, port);
            pixels(backend, wallboard, port);
        }
    }

    /** The open UIs at which section 6 weighs the wall-board; the last level's stay open through section 5. */
    private static final int[] MEMORY_UIS = {1, 50, 200};

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
        for (int level : MEMORY_UIS) {
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

    private static final int PIXEL_WARM_POSTS = 300;
    private static final int PIXEL_PROBES = 60;

    private void pixels(Backend backend, Service wallboard, int port) throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            // stamps the moment each reference first arrives in a push message, before the page applies it
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    window.__pushed = {};
                    window.__messages = [];
                    const Socket = window.WebSocket;
                    const Stamped = function (...args) {
                      const socket = new Socket(...args);
                      socket.addEventListener('message', event => {
                        const now = Date.now();
                        if (typeof event.data !== 'string') return;
                        window.__messages.push(now);
                        for (const ref of (event.data.match(/MASH-\\d{4}-\\d{6}/g) || [])) {
                          if (!(ref in window.__pushed)) window.__pushed[ref] = now;
                        }
                      });
                      return socket;
                    };
                    Stamped.prototype = Socket.prototype;
                    Object.assign(Stamped, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
                    window.WebSocket = Stamped;
                    """));
            browser.get("http://localhost:" + port + BOARD_PAGE);
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
            // warm-up: the backend's intake and the wall-board's pushes compiled, the page's scripts too
            backend.poisson(PIXEL_WARM_POSTS, 10, 4);
            browser.executeScript("""
                    window.__seen = {};
                    window.__partners = [];
                    window.__lines = {};
                    let partners = null;
                    const scan = () => {
                      const now = Date.now();
                      const text = document.getElementById('ticker-list').textContent;
                      for (const ref of (text.match(/MASH-\\d{4}-\\d{6}/g) || [])) {
                        if (!(ref in window.__seen)) window.__seen[ref] = now;
                      }
                      for (const item of document.querySelectorAll('#ticker-list .ticker-item')) {
                        const ref = item.querySelector('.reference');
                        const what = item.querySelector('.what');
                        if (!ref || !what) continue;
                        const line = ref.textContent + '|' + what.textContent;
                        if (!(line in window.__lines)) window.__lines[line] = now;
                      }
                      const waiting = document.getElementById('partners-waiting').textContent;
                      if (waiting !== partners) {
                        partners = waiting;
                        window.__partners.push(now);
                      }
                    };
                    scan();
                    new MutationObserver(scan).observe(document.body, {subtree: true, childList: true, characterData: true});
                    """);
            // First while the simulator's partners ask about the warm-up's referrals (it asks about two in
            // five, 15 to 120 simulated minutes after each, so 15 to 120 s later at its speed of 60), then
            // once they have: the board at the simulated hub's own pace.
            var busy = pixelProbes(backend, wallboard, browser, 5);
            var own = pixelProbes(backend, wallboard, browser, 6);
            var burst = pixelBurst(backend, browser);
            out.line("## 5. Commit → pixels");
            out.line("");
            out.line("Headless chromium on `/board` of a wall-board process connected to the backend over RSocket, while "
                    + "the demo's simulator runs in the backend (at its speed of 60, an hour of a hub's day a minute). A "
                    + "MutationObserver in the page stamps `Date.now()` (1 ms resolution) the first time each reference "
                    + "appears in the ticker's DOM, i.e. when the browser has applied Vaadin's push, before paint (the "
                    + "next frame, ≤ 17 ms later, is not counted); a listener on the page's WebSocket stamps when the "
                    + "push message carrying it arrives. Commit time is the event's `at`. Each row: " + PIXEL_PROBES
                    + " referrals posted as a Poisson process at one every 3 s on average (exponential gaps, so no "
                    + "arrival keeps step with the wall-board's timers); the simulator's own referrals of that time are "
                    + "counted too. After a warm-up of " + PIXEL_WARM_POSTS + " posts at 10/s on the open board. The "
                    + "simulator's partners ask about two in five referrals, the warm-up's included, 15–120 s later: "
                    + "the first row is measured while those requests land, the second after. The wall-board still "
                    + "has the " + MEMORY_UIS[MEMORY_UIS.length - 1] + " boards of section 6 open (each a board's UI, "
                    + "kept alive by its session, without a push connection), so each change is shown on "
                    + (MEMORY_UIS[MEMORY_UIS.length - 1] + 1) + " boards, as on a wall-board serving a large "
                    + "council's screens; wall-board, cores: the CPU its process used during the row.");
            out.line("");
            out.line("A screen is pushed at once for a change unless it was pushed three times in the last second; then "
                    + "at the end of the last push's 250 ms window; never more than four times in any second. A change "
                    + "that only moves along work already on the board (a stage, police checks done, a decision, an "
                    + "allocation, flags, information asked of a partner, chased or answered) is routine: pushed only "
                    + "while the screen was pushed fewer than two times in the last second, unless another change's "
                    + "push shows it first; a new contact or a change of RAG is not, and after pushes for routine "
                    + "changes it waits 50 ms after the last push, not to the end of its window, unless the screen "
                    + "was pushed three times in the last second for changes that are not routine. Pushes/s counts "
                    + "the push messages "
                    + "the page received during "
                    + "the row; JIT compilers, the cores the backend's and the wall-board's compiler threads used during "
                    + "it. Partner figures: for each partner asked or answering during the row about a referral still "
                    + "open at its end, from its commit to the first change after it of the count of requests waiting, "
                    + "in the same page; a change that another cancels in the same push (one asked, one answering) "
                    + "counts to the next change of the count, so these are upper bounds. Casework and re-rated: for "
                    + "each such change in the row that the ticker words (a stage moved, police checks done, a "
                    + "decision, an allocation; a RAG changed), from its commit to the first time the page's ticker "
                    + "has a line with its reference and its wording; one the ticker lost to newer lines before a "
                    + "push, or worded exactly as an earlier one, is not shown, nor one whose first line came after the "
                    + "next change of its kind to the same referral was committed (the line may be that change's: "
                    + "a stage moved twice reads \"moved to …\" both times). Each row's board changes "
                    + "(sequence, commit time, kind) are kept in `target/bench-pixels-row-5.tsv` and `-6.tsv`, so "
                    + "that a pacing rule can be replayed on them.");
            out.line("");
            out.line("| while | board changes/s | pushes/s | referrals | p50 ms | p95 ms | p99 ms | max ms | p50 / floor | commit → push message p50 / p95 ms "
                    + "| message → DOM p50 / p95 ms | JIT compilers, cores: backend / wall-board | wall-board, cores "
                    + "| partner figures: shown, of changes; p50 / p95 / max ms "
                    + "| casework: shown, of changes; p50 / p95 / max ms | re-rated: shown, of changes; p50 / p95 / max ms "
                    + "| p95 target 100 ms |");
            out.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (var row : List.of(busy, own)) {
                var stats = row.total();
                var partners = row.partners();
                out.line(f("| %s | %.2f | %.2f | %d | %s | %s | %s | %s | %s | %s / %s | %s / %s | %.2f / %.2f | %.2f | %s | %s | %s | %s |",
                        row.label(), row.changesPerSecond(), row.pushesPerSecond(), stats.count(), ms(stats.p50()),
                        ms(stats.p95()), ms(stats.p99()), ms(stats.max()), ratio(stats.p50(), floorP50),
                        ms(row.toMessage().p50()), ms(row.toMessage().p95()), ms(row.toDom().p50()), ms(row.toDom().p95()),
                        row.backendCompiler(), row.wallboardCompiler(), row.wallboardCores(),
                        shown(partners, row.partnerChanges()),
                        shown(row.casework(), row.caseworkChanges()), shown(row.rerated(), row.reratedChanges()),
                        verdict(stats.p95() <= 100, stats.p95(), 100)));
            }
            out.line("");
            for (var row : List.of(busy, own)) {
                out.line("Board changes " + row.label() + ", by kind: " + String.join(", ", row.kinds().entrySet().stream()
                        .map(kind -> kind.getKey() + " " + kind.getValue()).toList()) + ".");
                out.line("");
            }
            out.line(f("And a bulk load on the same board, which has no target of its own: %d referrals posted as a "
                    + "Poisson process at %.0f/s, %.1f s. The ticker holds the last %d lines, so a referral followed "
                    + "closely enough by others can leave it before a push shows it: the latencies are those of the "
                    + "referrals shown. Pushes are the push messages the page received from the first post to the "
                    + "last referral's appearance.", BURST_POSTS, BURST_RATE, burst.seconds(), TICKER_LINES));
            out.line("");
            out.line("| referrals shown, of received | p50 ms | p95 ms | max ms | pushes/s | longest gap between pushes ms "
                    + "| gaps of 250 ms or more |");
            out.line("|---|---|---|---|---|---|---|");
            out.line(f("| %d of %d | %s | %s | %s | %.2f | %d | %d of %d |", burst.shown().count(), burst.received(),
                    ms(burst.shown().p50()), ms(burst.shown().p95()), ms(burst.shown().max()),
                    burst.pushesPerSecond(), burst.longestGap(), burst.longGaps(), burst.gaps()));
            out.line("");
        } finally {
            browser.quit();
        }
    }

    /** "shown of changes; p50 / p95 / max" for a kind of change a row measured on the page. */
    private static String shown(Stats stats, int changes) {
        return stats.count() == 0 ? f("0 of %d", changes)
                : f("%d of %d; %s / %s / %s", stats.count(), changes, ms(stats.p50()), ms(stats.p95()), ms(stats.max()));
    }

    private static final int BURST_POSTS = 200;
    private static final double BURST_RATE = 20;
    /** The ticker's lines on the board (its tile's most). */
    private static final int TICKER_LINES = 8;

    /** The row of section 5's bulk load. */
    private record BurstRow(int received, double seconds, Stats shown, double pushesPerSecond, long longestGap,
                            int longGaps, int gaps) {
    }

    private BurstRow pixelBurst(Backend backend, ChromeDriver browser) throws Exception {
        long after = backend.lastSeq();
        long from = System.currentTimeMillis();
        long started = System.nanoTime();
        backend.poisson(BURST_POSTS, BURST_RATE, 7);
        double seconds = (System.nanoTime() - started) / 1e9;
        var commits = referralsAfter(backend, after);
        String last = commits.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        // the last change of a burst is always pushed
        await(() -> browser.executeScript("return window.__seen[arguments[0]];", last) != null,
                "the bulk load's last referral on the board");
        @SuppressWarnings("unchecked")
        var seen = (Map<String, Object>) browser.executeScript("return window.__seen;");
        long to = ((Number) seen.get(last)).longValue();
        var shown = commits.entrySet().stream().filter(commit -> seen.containsKey(commit.getKey()))
                .mapToLong(commit -> ((Number) seen.get(commit.getKey())).longValue() * 1000 - commit.getValue())
                .toArray();
        var messages = pushMessages(browser).filter(at -> at >= from && at <= to).sorted().toArray();
        long longest = 0;
        int long250 = 0;
        for (int i = 1; i < messages.length; i++) {
            long gap = messages[i] - messages[i - 1];
            longest = Math.max(longest, gap);
            if (gap >= 250) {
                long250++;
            }
        }
        return new BurstRow(commits.size(), seconds, Stats.of(shown), messages.length / ((to - from) / 1000.0),
                longest, long250, Math.max(0, messages.length - 1));
    }

    /** The referrals received after board event {@code after}: reference → commit time in microseconds. */
    private static Map<String, Long> referralsAfter(Backend backend, long after) throws SQLException {
        Map<String, Long> commits = new HashMap<>();
        try (var connection = backend.jdbc();
             var statement = connection.prepareStatement(
                     "SELECT payload->>'reference', (extract(epoch FROM at) * 1000000)::bigint FROM board_event "
                             + "WHERE seq > ? AND type = 'REFERRAL_RECEIVED'")) {
            statement.setLong(1, after);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    commits.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return commits;
    }

    /** One row of section 5: commit → pixels, and its two stages, for the referrals of a run of probes. */
    private record PixelRow(String label, double changesPerSecond, double pushesPerSecond, Stats total,
                            Stats toMessage, Stats toDom, double backendCompiler, double wallboardCompiler,
                            double wallboardCores,
                            Stats partners, int partnerChanges, Stats casework, int caseworkChanges, Stats rerated,
                            int reratedChanges, Map<String, Integer> kinds) {
    }

    /** A board event the ticker words: its kind, the referral it is about, its commit in microseconds. */
    private record TickerEvent(org.mashlive.board.api.BoardEventType type, String reference, long commit) {
    }

    /** The board's events after {@code after} up to {@code to} that the ticker words, in order. */
    private static List<TickerEvent> tickerEvents(Backend backend, long after, long to) throws SQLException {
        var events = new ArrayList<TickerEvent>();
        try (var connection = backend.jdbc();
             var statement = connection.prepareStatement("SELECT type, payload->>'reference', "
                     + "(extract(epoch FROM at) * 1000000)::bigint FROM board_event WHERE seq > ? AND seq <= ? "
                     + "ORDER BY seq")) {
            statement.setLong(1, after);
            statement.setLong(2, to);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    var type = org.mashlive.board.api.BoardEventType.valueOf(result.getString(1));
                    var subject = type.subject();
                    if (subject == org.mashlive.board.api.BoardEventType.Subject.REFERRAL
                            || subject == org.mashlive.board.api.BoardEventType.Subject.ALLOCATION) {
                        events.add(new TickerEvent(type, result.getString(2), result.getLong(3)));
                    }
                }
            }
        }
        return events;
    }

    /**
     * Whether a ticker line's {@code what} words an event of {@code type}: it starts with the type's
     * verb as a whole phrase ("decided", not "decided, awaiting sign-off"), or is the verb shortened
     * ("returned for another…"); an allocation's reads "allocated to" or "police checks allocated to".
     */
    static boolean words(String what, org.mashlive.board.api.BoardEventType type) {
        String verb = type == org.mashlive.board.api.BoardEventType.ALLOCATION_CHANGED
                && what.startsWith("police checks allocated") ? "police checks allocated" : type.verb();
        if (what.endsWith("…")) {
            String kept = what.substring(0, what.length() - 1);
            if (verb.startsWith(kept)) {
                return true;
            }
            what = kept;
        }
        return what.startsWith(verb) && (what.length() == verb.length() || what.charAt(verb.length()) == ' ');
    }

    /**
     * From each of {@code events}' commits to the first ticker line for it that the page stamped at or
     * after it (to the millisecond, so one in the commit's own millisecond counts): those shown. A line
     * the ticker lost to newer ones before a push, or worded as an earlier event of the same kind, is
     * not shown; nor is one whose first line came after the next event of its kind about the same
     * referral committed, as that line may be the later event's (a line is matched by its verb).
     */
    private static Stats onTicker(ChromeDriver browser, List<TickerEvent> events) {
        @SuppressWarnings("unchecked")
        var lines = (Map<String, Object>) browser.executeScript("return window.__lines;");
        var shown = new ArrayList<Long>();
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            long next = Long.MAX_VALUE;
            for (int j = i + 1; j < events.size(); j++) {
                var later = events.get(j);
                if (later.type() == event.type() && java.util.Objects.equals(later.reference(), event.reference())) {
                    next = later.commit();
                    break;
                }
            }
            long first = Long.MAX_VALUE;
            for (var line : lines.entrySet()) {
                int bar = line.getKey().indexOf('|');
                long at = ((Number) line.getValue()).longValue() * 1000;
                if (line.getKey().substring(0, bar).equals(event.reference()) && at + 999 >= event.commit()
                        && words(line.getKey().substring(bar + 1), event.type())) {
                    first = Math.min(first, at);
                }
            }
            if (first != Long.MAX_VALUE && first < next) {
                shown.add(Math.max(0, first - event.commit()));
            }
        }
        return Stats.of(shown.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The board's changes from after board event {@code after} to {@code to}: written to {@code file},
     * one a line (sequence, commit time in microseconds since the epoch, kind), so that a pacing rule
     * can be replayed on what a row met; and returned counted by kind, the most first.
     */
    private static Map<String, Integer> keepChanges(Backend backend, long after, long to, java.nio.file.Path file)
            throws SQLException, java.io.IOException {
        var lines = new ArrayList<String>();
        var counts = new HashMap<String, Integer>();
        try (var connection = backend.jdbc();
             var statement = connection.prepareStatement("SELECT seq, (extract(epoch FROM at) * 1000000)::bigint, "
                     + "type FROM board_event WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            statement.setLong(1, after);
            statement.setLong(2, to);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getLong(1) + "\t" + result.getLong(2) + "\t" + result.getString(3));
                    counts.merge(result.getString(3), 1, Integer::sum);
                }
            }
        }
        java.nio.file.Files.write(file, lines);
        var kinds = new java.util.LinkedHashMap<String, Integer>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(kind -> kinds.put(kind.getKey(), kind.getValue()));
        return kinds;
    }

    /**
     * The partners asked or answering after board event {@code after} about referrals still open, so
     * that each moved the tile's count: their commit times in microseconds.
     */
    private static long[] partnerChangesAfter(Backend backend, long after) throws SQLException {
        var commits = new ArrayList<Long>();
        try (var connection = backend.jdbc();
             var statement = connection.prepareStatement(
                     "SELECT (extract(epoch FROM e.at) * 1000000)::bigint FROM board_event e "
                             + "JOIN referral r ON r.id = (e.payload->>'referralId')::bigint "
                             + "WHERE e.seq > ? AND e.type IN ('PARTNER_REQUESTED', 'PARTNER_ANSWERED') "
                             + "AND r.decided_at IS NULL ORDER BY e.seq")) {
            statement.setLong(1, after);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    commits.add(result.getLong(1));
                }
            }
        }
        return commits.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * From each partner change's commit to the first change after it of the partners' count on the page
     * (stamped to the millisecond, so one stamped in the commit's own millisecond counts): those shown.
     */
    private static Stats partnerFigures(ChromeDriver browser, long[] commits) {
        @SuppressWarnings("unchecked")
        var changed = ((List<Object>) browser.executeScript("return window.__partners;")).stream()
                .mapToLong(at -> ((Number) at).longValue() * 1000).sorted().toArray();
        var shown = new ArrayList<Long>();
        for (long commit : commits) {
            for (long at : changed) {
                if (at + 999 >= commit) {
                    shown.add(Math.max(0, at - commit));
                    break;
                }
            }
        }
        return Stats.of(shown.stream().mapToLong(Long::longValue).toArray());
    }

    private PixelRow pixelProbes(Backend backend, Service wallboard, ChromeDriver browser, long seed)
            throws Exception {
        long after = backend.lastSeq();
        long from = System.currentTimeMillis();
        var backendCompiler = backend.service().compilerCpu();
        var wallboardCompiler = wallboard.compilerCpu();
        var wallboardCpu = wallboard.cpu();
        long started = System.nanoTime();
        // one every 3 s on average: a hub's busiest hour is far quieter, and a probe much faster than that
        // would mostly measure its own previous referral's pacing window
        backend.poisson(PIXEL_PROBES, 1 / 3.0, seed);
        double seconds = (System.nanoTime() - started) / 1e9;
        double backendCompilerCores = Service.compilerCpuBetween(backendCompiler, backend.service().compilerCpu())
                .toNanos() / 1e9 / seconds;
        double wallboardCompilerCores = Service.compilerCpuBetween(wallboardCompiler, wallboard.compilerCpu())
                .toNanos() / 1e9 / seconds;
        double wallboardCores = wallboard.cpu().minus(wallboardCpu).toNanos() / 1e9 / seconds;
        var commits = referralsAfter(backend, after);
        long last = backend.lastSeq();
        long changes = last - after;
        var kinds = keepChanges(backend, after, last,
                java.nio.file.Path.of("target", "bench-pixels-row-" + seed + ".tsv"));
        await(() -> {
            @SuppressWarnings("unchecked")
            var seen = (Map<String, Object>) browser.executeScript("return window.__seen;");
            return seen.keySet().containsAll(commits.keySet());
        }, "references on the board");
        @SuppressWarnings("unchecked")
        var seen = (Map<String, Object>) browser.executeScript("return window.__seen;");
        @SuppressWarnings("unchecked")
        var pushed = (Map<String, Object>) browser.executeScript("return window.__pushed;");
        var total = new long[commits.size()];
        var toMessage = new long[commits.size()];
        var toDom = new long[commits.size()];
        int i = 0;
        for (var commit : commits.entrySet()) {
            long dom = ((Number) seen.get(commit.getKey())).longValue() * 1000;
            // a reference the page had before its own push (none expected) counts as arriving with the DOM change
            long message = pushed.get(commit.getKey()) instanceof Number n ? n.longValue() * 1000 : dom;
            total[i] = dom - commit.getValue();
            toMessage[i] = message - commit.getValue();
            toDom[i] = dom - message;
            i++;
        }
        String label = seed == 5 ? "the warm-up's partner requests land" : "after them: the simulated hub's own pace";
        long to = System.currentTimeMillis();
        long pushes = pushMessages(browser).filter(at -> at >= from && at <= to).count();
        var partnerCommits = partnerChangesAfter(backend, after);
        // a routine change waits at most a second: give the last one its push before counting
        Bench.pause(Duration.ofSeconds(2));
        var partners = partnerFigures(browser, partnerCommits);
        var ticker = tickerEvents(backend, after, last);
        var casework = ticker.stream().filter(event -> org.mashlive.wallboard.Change.routine(event.type())).toList();
        var rerated = ticker.stream()
                .filter(event -> event.type() == org.mashlive.board.api.BoardEventType.RAG_CHANGED).toList();
        return new PixelRow(label, changes / seconds, pushes / ((to - from) / 1000.0), Stats.of(total),
                Stats.of(toMessage), Stats.of(toDom), backendCompilerCores, wallboardCompilerCores, wallboardCores, partners,
                partnerCommits.length, onTicker(browser, casework), casework.size(), onTicker(browser, rerated),
                rerated.size(), kinds);
    }

    /** When each push message reached the page, in milliseconds since the epoch. */
    private static java.util.stream.LongStream pushMessages(ChromeDriver browser) {
        @SuppressWarnings("unchecked")
        var messages = (List<Object>) browser.executeScript("return window.__messages;");
        return messages.stream().mapToLong(at -> ((Number) at).longValue());
    }

    // 7 -------------------------------------------------------------------------------------------

    private void startup() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            var packaged = startUntilLive(browser, Service.jar(), List.of());
            var trained = Service.trainAotCache(Path.of("target", "bench-aot"), "--mash.backend.port=0",
                    "--mash.rsocket.port=0", "--mash.wallboard.port=0", "--mash.simulation.enabled=false");
            var cached = startUntilLive(browser, trained.jar(), List.of("-XX:AOTCache=" + trained.cache()));
            out.line("## 7. Start-up");
            out.line("");
            out.line("Role all, embedded PostgreSQL in a new temporary directory (so initdb and the migrations are "
                    + "included), until chromium (started beforehand) shows `/board` LIVE with its figures; polled "
                    + "every 10 ms. First `java -jar target/mash-live.jar`, the jar as built; then as the image "
                    + "starts it: the jar unpacked (`java -Djarmode=tools -jar … extract`), with the JVM's AOT cache "
                    + "written by a training run (`-XX:AOTCacheOutput=… -jar … --mash.exit-after-start=true`), "
                    + "started with `-XX:AOTCache=…`.");
            out.line("");
            out.line("| milestone | the jar as built, s | unpacked, with the AOT cache, s |");
            out.line("|---|---|---|");
            out.line(f("| backend health UP | %.2f | %.2f |", packaged[0].toMillis() / 1000.0,
                    cached[0].toMillis() / 1000.0));
            out.line(f("| first board render, LIVE | %.2f | %.2f |", packaged[1].toMillis() / 1000.0,
                    cached[1].toMillis() / 1000.0));
            out.line("");
            out.line(f("The unpacking and the training run took %.1f s; the cache is %.0f MB.",
                    trained.took().toMillis() / 1000.0, Files.size(trained.cache()) / 1e6));
            out.line("");
        } finally {
            browser.quit();
        }
    }

    /** Starts {@code jar} (role all) and says when its backend was healthy and when the board showed LIVE. */
    private static Duration[] startUntilLive(ChromeDriver browser, Path jar, List<String> jvmOptions) {
        int http = Service.freePort();
        int rsocket = Service.freePort();
        int port = Service.freePort();
        try (var all = Service.start(jar, jvmOptions, "all", "--mash.backend.port=" + http,
                "--mash.rsocket.port=" + rsocket, "--mash.wallboard.port=" + port, "--mash.simulation.enabled=false")) {
            var backendReady = all.awaitOk("http://localhost:" + http + "/actuator/health", WAIT);
            all.awaitOk("http://localhost:" + port + BOARD_PAGE, WAIT);
            browser.get("http://localhost:" + port + BOARD_PAGE);
            new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
            return new Duration[] {backendReady, Duration.ofNanos(System.nanoTime() - all.startedNanos)};
        }
    }
}
