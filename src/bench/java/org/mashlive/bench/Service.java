package org.mashlive.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MASH Live run as its own process, from the packaged jar as it is deployed (the wall-board in
 * Vaadin's production mode, only the application's own dependencies), so that its CPU and heap
 * are measured apart from the load generator's.
 */
final class Service implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Process process;
    final long startedNanos;
    final Path log;

    private Service(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packaged application the processes run: {@code bench.jar}, set by the build. */
    static Path jar() {
        var jar = System.getProperty("bench.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The benchmark runs the packaged jar (bench.jar = " + jar
                    + "), which is not there: run it as ./mvnw -B -Pbench verify, which packages it first");
        }
        return Path.of(jar);
    }

    /** Starts the packaged application with {@code args}; its output goes to a file under target. */
    static Service start(String name, String... args) {
        return start(jar(), List.of(), name, args);
    }

    /**
     * Starts {@code jar} with {@code jvmOptions} (before {@code bench.jvm.options}) and {@code args};
     * its output goes to a file under target.
     */
    static Service start(Path jar, List<String> jvmOptions, String name, String... args) {
        try {
            Path log = Files.createTempFile(Path.of("target"), "bench-" + name + "-", ".log");
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(jvmOptions);
            command.addAll(benchJvmOptions());
            // each collection's pause, beside the process's output, so a latency's tail can be checked against them
            command.add("-Xlog:gc:file=" + log.toString().replaceFirst("\\.log$", ".gc.log") + ":uptimemillis,time");
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(List.of(args));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
            long started = System.nanoTime();
            return new Service(builder.start(), started, log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** JVM options to try, e.g. -Dbench.jvm.options=-XX:+UseZGC for another collector. */
    private static List<String> benchJvmOptions() {
        return java.util.Arrays.stream(System.getProperty("bench.jvm.options", "").split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
    }

    /** The packaged jar unpacked for the JVM's AOT cache, and the cache its training run wrote. */
    record Trained(Path jar, Path cache, Duration took) {
    }

    /**
     * Unpacks the packaged jar into {@code dir} and runs it once with {@code --mash.exit-after-start=true}
     * and {@code args}, the JVM writing its AOT cache at the end, as the image's build does.
     */
    static Trained trainAotCache(Path dir, String... args) {
        long started = System.nanoTime();
        run(List.of(java(), "-Djarmode=tools", "-jar", jar().toString(), "extract", "--force",
                "--destination", dir.toString()), dir.resolveSibling(dir.getFileName() + "-extract.log"));
        Path jar = dir.resolve(jar().getFileName());
        Path cache = dir.resolve("mash-live.aot");
        List<String> training = new ArrayList<>(List.of(java(), "-XX:AOTCacheOutput=" + cache));
        training.addAll(benchJvmOptions());
        training.addAll(List.of("-jar", jar.toString(), "--mash.exit-after-start=true"));
        training.addAll(List.of(args));
        run(training, dir.resolveSibling(dir.getFileName() + "-training.log"));
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache at " + cache);
        }
        return new Trained(jar, cache, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void run(List<String> command, Path log) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
            var process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in 5 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " ended with " + process.exitValue()
                        + "; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code url} answers 200, and says how long after the start that was. */
    Duration awaitOk(String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process ended; see " + log);
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Bench.pause(Duration.ofMillis(20));
        }
        throw new IllegalStateException(url + " did not answer in " + timeout + "; see " + log);
    }

    /** CPU time the process has used so far (user + system), from /proc. */
    Duration cpu() {
        return cpuOf(process.pid());
    }

    /**
     * CPU time each of the JVM's JIT compiler threads (C1, C2) has used so far, by thread id, from
     * /proc: the kernel keeps a thread's first 15 characters as its name ("C2 CompilerThre"). The
     * JVM starts and stops compiler threads as its queue needs, so compare two readings thread by
     * thread ({@link #compilerCpuBetween}).
     */
    Map<String, Long> compilerCpu() {
        var ticks = new java.util.HashMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks.put(task.getFileName().toString(), cpuTicks(stat));
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a compiler thread that stopped while listed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ticks;
    }

    /**
     * The compiler threads' CPU time between two readings of {@link #compilerCpu}: a thread in both
     * counts its growth, one started since counts all it used; one that stopped in between loses
     * what it used after the first reading, a few ticks at most, as the JVM stops only idle ones.
     */
    static Duration compilerCpuBetween(Map<String, Long> before, Map<String, Long> after) {
        long ticks = 0;
        for (var thread : after.entrySet()) {
            ticks += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    /** CPU time process {@code pid} has used so far (user + system), from /proc; zero when it has gone. */
    static Duration cpuOf(long pid) {
        try {
            long ticks = cpuTicks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
            return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
        } catch (java.nio.file.NoSuchFileException e) {
            return Duration.ZERO;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** User + system time in clock ticks, from a process's or thread's {@code /proc/…/stat}. */
    private static long cpuTicks(String stat) {
        // the fields after the name in parentheses, which may itself hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * Heap in use after a full collection, in bytes: the live objects the JVM's own class histogram
     * counts (it collects first), whatever the collector, to the byte.
     */
    long heapAfterGc() {
        return liveObjects().bytes();
    }

    /** The live objects after a full collection: their bytes, and instances and bytes by class. */
    record LiveObjects(long bytes, Map<String, long[]> byClass) {
    }

    /** {@link #heapAfterGc()} with its class histogram. */
    LiveObjects liveObjects() {
        String info = jcmd("GC.class_histogram");
        // the last line: "Total        123456       78901234"
        var matcher = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(info);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figure in: " + info.substring(Math.max(0, info.length() - 500)));
        }
        // each class: "   1:        123456       7890123  [B (java.base@25.0.3)"
        var rows = java.util.regex.Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(info);
        var byClass = new HashMap<String, long[]>();
        while (rows.find()) {
            byClass.merge(rows.group(3), new long[] {Long.parseLong(rows.group(1)), Long.parseLong(rows.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return new LiveObjects(Long.parseLong(matcher.group(1)), byClass);
    }

    private String jcmd(String command) {
        try {
            var jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
