package org.mashlive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/** The report the benchmark writes, and small helpers. */
final class Bench {

    private final StringBuilder report = new StringBuilder();

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "–" : value < 10 ? f("%.2f", value) : f("%.1f", value);
    }

    static String ratio(double value, double floor) {
        return Double.isNaN(value) || Double.isNaN(floor) || floor == 0 ? "–" : f("%.1f×", value / floor);
    }

    void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    void write() {
        String path = System.getProperty("bench.output", "target/benchmarks.md");
        try {
            Files.writeString(Path.of(path), report);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("Written to " + path);
    }

    /** Cores, memory, CPU model and JDK of this machine. */
    static String machine() {
        String cpu = "unknown";
        String memory = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> f("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse(memory);
        } catch (IOException e) {
            // not Linux: leave unknown
        }
        return f("%d cores, %s memory, %s, JDK %s (%s)", Runtime.getRuntime().availableProcessors(), memory, cpu,
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
