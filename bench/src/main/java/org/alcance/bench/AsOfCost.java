package org.alcance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alcance.events.Topics;
import org.alcance.local.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * B7: what figures as of a date cost. On a fresh local stack (no demo data), campaigns and their updates go
 * straight on the campaign topic, scale by scale as B4's do; once the live overview counts a scale, the same run
 * times: the topics read raw from their start by a plain consumer in this JVM (the ceiling: no decoding, no
 * applying); {@code GET /api/figures/overview?asOf=<today>} the first time (reporting-service reads and folds the
 * log) and again (the day's documents are kept for 30 s); and the live overview. Writes bench/target/as-of.md.
 * Run alone: {@code ./mvnw -Pbench -pl bench -am verify -DskipTests -Dbench.main=org.alcance.bench.AsOfCost}.
 */
final class AsOfCost {

    private static final int CAMPAIGNS = 1_000;
    private static final int OFFICES = 20;
    /** Updates per campaign, each scale adding to the one before; the last stays under the default fold limit. */
    private static final int[] SCALES = {10, 50, 150};
    private static final String OVERVIEW = "http://127.0.0.1:8083/api/figures/overview";

    private AsOfCost() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath().normalize();
        Path work = root.resolve("bench").resolve("target");
        Path data = work.resolve("data-as-of");
        Bench.delete(data);
        Files.createDirectories(data);
        Files.writeString(data.resolve("demo-loaded"), "skipped by the benchmark\n");
        List<String> rows = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(root, data, false)) {
            String hq = Bench.Tokens.of(stack.issuer()).hq();
            int seeded = 0;
            for (int updates : SCALES) {
                TopicLoad.seed(CAMPAIGNS, OFFICES, seeded == 0 ? 0 : seeded + 1, updates);
                seeded = updates;
                awaitCounted(hq, (long) CAMPAIGNS * updates);
                Throughput raw = rawRead();
                String today = LocalDate.now(ZoneOffset.UTC).toString();
                double first = seconds(() -> Bench.json(hq, OVERVIEW + "?asOf=" + today));
                double again = seconds(() -> Bench.json(hq, OVERVIEW + "?asOf=" + today));
                double live = seconds(() -> Bench.json(hq, OVERVIEW));
                JsonNode asOf = Bench.json(hq, OVERVIEW + "?asOf=" + today);
                JsonNode now = Bench.json(hq, OVERVIEW);
                String same = asOf.path("reach").equals(now.path("reach")) ? "yes" : "**no**";
                rows.add(String.format(Locale.ROOT,
                        "| %,d campaigns × %d updates | %,d | %.2f s (%,.0f events/s) | %.2f s (%,.0f events/s) | %.0f %% | %.0f ms | %.0f ms | %s |",
                        CAMPAIGNS, updates, raw.count(), raw.seconds(), raw.perSecond(), first, raw.count() / first,
                        100 * raw.seconds() / first, again * 1000, live * 1000, same));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        String table = String.join("\n", List.of(
                "| scale | events on the topics | ceiling: raw read | `asOf` overview, first | first / ceiling | `asOf` again (kept) | live overview | same reach as live |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |")) + "\n" + String.join("\n", rows) + "\n";
        Files.writeString(work.resolve("as-of.md"), table);
        System.out.println(table);
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static double seconds(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitCounted(String hq, long updates) throws Exception {
        long deadline = System.nanoTime() + Bench.SEED_TIMEOUT.toNanos();
        while (Bench.json(hq, OVERVIEW).path("reach").path("total").asLong() < updates * TopicLoad.PEOPLE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The overview did not count " + updates + " updates in time");
            }
            Thread.sleep(1_000);
        }
    }

    /** Both topics from their start to their end now, records counted and nothing else. */
    private static Throughput rawRead() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicLoad.KAFKA,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long start = System.nanoTime();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(offset -> offset == 0);
            consumer.seekToBeginning(partitions);
            long records = 0;
            while (!end.isEmpty()) {
                records += consumer.poll(java.time.Duration.ofMillis(500)).count();
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return new Throughput(records, (System.nanoTime() - start) / 1e9);
        }
    }
}
