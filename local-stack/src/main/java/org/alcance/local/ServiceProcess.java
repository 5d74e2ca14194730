package org.alcance.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Alcance service run from its Spring Boot jar in a JVM of its own, logging to a file; it can be
 * killed outright and started again with the same settings, as a crashed pod would be.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final int TAIL_BYTES = 64 * 1024;

    private final String name;
    private final int port;
    private final Path log;
    private final ProcessBuilder builder;
    private Process process;

    private ServiceProcess(String name, int port, Path log, ProcessBuilder builder) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.builder = builder;
    }

    /**
     * The JVM options of run-local, which the benchmarks measure too. C1 only: three services starting at
     * once on two cores are ready in about half the time, at the cost of peak throughput (docs/benchmarks.md
     * says by how much). A 256 MiB heap keeps each service near 350 MiB of memory under load (B5).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Starts {@code name} from its jar under {@code root} on {@code port}, appending its output to a log in {@code logs}. */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> environment, Path logs,
            List<String> jvmOptions) {
        Path jar = jar(root, name);
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(name, port, log, builder);
        service.start();
        return service;
    }

    /** Starts the service again with the same jar, options and environment (after {@link #kill()} or {@link #stop()}). */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    private static Path jar(Path root, String name) {
        try (Stream<Path> files = Files.list(root.resolve(name).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().matches(name + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "No jar of " + name + " in " + name + "/target: build first (./mvnw install -DskipTests)"));
        } catch (IOException e) {
            throw new IllegalStateException("No " + name + "/target: build first (./mvnw install -DskipTests)", e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How the process ended, if it did. */
    public synchronized OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The last {@code count} lines of the service's log (of its last 64 KiB, where a dying service writes). */
    public List<String> lastLines(int count) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            List<String> lines = new String(tail, StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(its log " + log + " is unreadable: " + e.getMessage() + ")");
        }
    }

    /** Waits until the service's readiness probe answers UP; false if it died or the time ran out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        Process process = current();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private synchronized Process current() {
        return process;
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node would: no shutdown hook, no draining. */
    public void kill() throws InterruptedException {
        current().destroyForcibly().waitFor();
    }

    /** Asks the service to stop (it drains in-flight requests), then insists. */
    public void stop() {
        Process process = current();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
