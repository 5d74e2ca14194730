package org.alcance.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the processes of {@code ./run-local}: one that exits is reported at once, with its exit code and the
 * last lines of its log, and started again, up to {@link #MAX_RESTARTS} times a minute; one that keeps exiting
 * stops the whole stack, saying why, rather than leave the others running without it.
 */
final class Watchdog implements AutoCloseable {

    static final int MAX_RESTARTS = 3;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int LOG_LINES = 15;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final List<ServiceProcess> processes;
    private final PrintStream out;
    private final Runnable giveUp;
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alcance-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code giveUp} runs, once, when a process exited more than it may; it is to stop the stack. */
    Watchdog(List<ServiceProcess> processes, PrintStream out, Runnable giveUp) {
        this.processes = List.copyOf(processes);
        this.out = out;
        this.giveUp = giveUp;
        checks.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    private void check() {
        for (ServiceProcess process : processes) {
            OptionalInt exit = process.exitCode();
            if (exit.isEmpty()) {
                continue;
            }
            out.printf("%n%s exited with code %d. The last lines of %s:%n", process.name(), exit.getAsInt(),
                    process.log());
            process.lastLines(LOG_LINES).forEach(line -> out.println("  | " + line));
            Deque<Instant> recent = restarts.computeIfAbsent(process.name(), name -> new ArrayDeque<>());
            Instant now = Instant.now();
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX_RESTARTS) {
                out.printf("%s exited again after %d restarts within a minute; stopping Alcance.%n",
                        process.name(), MAX_RESTARTS);
                checks.shutdown();
                new Thread(giveUp, "alcance-stop-all").start(); // not on this thread, which closing the stack awaits
                return;
            }
            recent.addLast(now);
            out.printf("Restarting %s (%d of %d restarts this minute)%n", process.name(), recent.size(), MAX_RESTARTS);
            process.start();
            try {
                out.println(process.awaitReady(READY_TIMEOUT) ? process.name() + " is ready again"
                        : process.name() + " did not become ready; see " + process.log());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
