package org.alcance.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alcance.test.TestInfrastructure;

/**
 * The suite's results as docs/reliability.md shows them: one row per fault with what went in and what
 * came out, then the counts of the input and isolation checks. Rewritten to {@code target/reliability.md}
 * after every scenario, so a failed run still shows how far it got.
 */
final class Report {

    private static final Path FILE = Path.of("target", "reliability.md");
    private static final List<String> rows = new ArrayList<>();
    private static final List<String> checks = new ArrayList<>();

    private Report() {
    }

    /** A fault and how the pipeline settled after it; {@code recovery} adds to the wait, e.g. a restart. */
    static synchronized void fault(String scenario, String injected, Ledger.Settled settled, Duration before) {
        long in = settled.in();
        long out = settled.out();
        rows.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %,d | %s |", scenario, injected, in, out,
                Math.max(0, in - out), Math.max(0, out - in),
                settled.exact() ? seconds(before.plus(settled.recovery())) : "not within the wait"));
        write();
    }

    /** A check stated in words a reader can verify, e.g. "212 malformed requests, 0 answered 5xx". */
    static synchronized void check(String scenario, String outcome) {
        checks.add("- **" + scenario + "**: " + outcome);
        write();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void write() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                # Reliability and security proof

                Written by the `reliability` module's suite (`./mvnw verify`; alone, after `./mvnw install -DskipTests`: `./mvnw verify -pl reliability`),
                run %s against %s. Each service ran as a process of its own.

                "Events in" counts every progress update and attendance mark the services accepted (201/200) since
                the suite began; "events out" what HQ's overview counts (updates counted plus participant-sessions
                attended) once every campaign and course also shows exactly its own booked figures. "Time to recover"
                runs from the end of the fault (broker, database or restarted service back) to that moment.

                | scenario | what was injected | events in | events out | lost | double counted | time to recover |
                |---|---|---|---|---|---|---|
                """, Instant.now().truncatedTo(ChronoUnit.SECONDS), TestInfrastructure.get().kind()));
        rows.forEach(row -> text.append(row).append('\n'));
        text.append("\n## Input, isolation and personal data\n\n");
        checks.forEach(check -> text.append(check).append('\n'));
        try {
            Files.writeString(FILE, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
