package org.alcance.local;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepRecordsAcrossABrokerRestartOnTheSamePort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0, 3)) {
            produce(broker, "before-restart");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            produce(broker, "after-restart");

            assertThat(consumeAll(broker)).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void shouldKeepDocumentsOfAFileBackedMongoServerAcrossARestart() {
        Path file = dir.resolve("mongo/alcance.mv");
        try (MongoWireServer server = MongoWireServer.fileBacked(file, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("alcance").getCollection("things").insertOne(new Document("_id", "GT"));
        }
        try (MongoWireServer server = MongoWireServer.fileBacked(file, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("alcance").getCollection("things").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void shouldApplyAConditionalWriteByIdOnlyWhereEveryConditionHolds() {
        try (MongoWireServer memory = MongoWireServer.inMemory(0);
                MongoWireServer file = MongoWireServer.fileBacked(dir.resolve("conditional/alcance.mv"), 0)) {
            for (MongoWireServer server : List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(server.connectionString())) {
                    var things = client.getDatabase("alcance").getCollection("things");
                    things.insertMany(List.of(new Document("_id", "GT").append("sequence", 1),
                            new Document("_id", "HN").append("sequence", 1)));

                    assertThat(things.updateOne(and(eq("_id", "GT"), eq("sequence", 2)), set("sequence", 3))
                            .getMatchedCount()).isZero();
                    assertThat(things.updateOne(and(eq("_id", "GT"), eq("sequence", 1)), set("sequence", 2))
                            .getMatchedCount()).isOne();
                    assertThat(things.find(and(eq("_id", "GT"), lt("sequence", 5))).first()).containsEntry("sequence", 2);
                    assertThat(things.find(and(eq("_id", "GT"), lt("sequence", 2))).first()).isNull();
                    assertThat(things.find(eq("_id", "HN")).first()).containsEntry("sequence", 1);
                }
            }
        }
    }

    @Test
    void shouldFindDocumentsByAnInOfIdsWithConditionsAndByARegexOnASparseUniqueIndex() {
        try (MongoWireServer memory = MongoWireServer.inMemory(0);
                MongoWireServer file = MongoWireServer.fileBacked(dir.resolve("sparse/alcance.mv"), 0)) {
            for (MongoWireServer server : List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(server.connectionString())) {
                    var things = client.getDatabase("alcance").getCollection("things");
                    things.createIndex(Indexes.ascending("pending"), new IndexOptions().unique(true).sparse(true));
                    things.insertMany(List.of(new Document("_id", "GT").append("sequence", 1).append("pending", "GT"),
                            new Document("_id", "HN").append("sequence", 2),
                            new Document("_id", "SV").append("sequence", 3).append("pending", "SV")));

                    assertThat(things.find(and(in("_id", "GT", "HN", "CR"), gt("sequence", 1)))
                            .map(d -> d.getString("_id"))).containsExactly("HN");
                    assertThat(things.updateMany(and(in("_id", "GT", "SV"), exists("pending")), set("lease", 1))
                            .getModifiedCount()).isEqualTo(2);
                    assertThat(things.find(regex("pending", "^")).map(d -> d.getString("_id")))
                            .containsExactlyInAnyOrder("GT", "SV");
                    things.updateOne(eq("_id", "GT"), unset("pending"));
                    assertThat(things.find(regex("pending", "^")).map(d -> d.getString("_id"))).containsExactly("SV");
                }
            }
        }
    }

    @Test
    void shouldAnswerEveryReadOfADocumentThatIsBeingChanged() throws Exception {
        try (MongoWireServer memory = MongoWireServer.inMemory(0);
                MongoWireServer file = MongoWireServer.fileBacked(dir.resolve("racing/alcance.mv"), 0)) {
            for (MongoWireServer server : List.of(memory, file)) {
                // without the driver's retries, a reply that never came fails the call
                try (MongoClient client = MongoClients.create(server.connectionString()
                        + "/?retryReads=false&retryWrites=false")) {
                    var things = client.getDatabase("alcance").getCollection("things");
                    Document details = new Document();
                    IntStream.range(0, 100).forEach(i -> details.append("detail" + i, "value " + i));
                    Document wide = new Document("_id", "GT").append("details", details);
                    IntStream.range(0, 100).forEach(i -> wide.append("field" + i, "value " + i));
                    things.insertOne(wide);
                    // fields that come and go change the keys of the stored document and of one within it
                    Callable<Integer> writer = () -> {
                        for (int i = 0; i < 300; i++) {
                            things.findOneAndUpdate(eq("_id", "GT"), i % 2 == 0
                                            ? combine(set("lease", i), set("details.lease", i))
                                            : combine(unset("lease"), unset("details.lease")),
                                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                        }
                        return 300;
                    };
                    Callable<Integer> reader = () -> {
                        int read = 0;
                        for (int i = 0; i < 300; i++) {
                            read += things.find(eq("_id", "GT")).first() == null ? 0 : 1;
                        }
                        return read;
                    };
                    ExecutorService clients = Executors.newFixedThreadPool(6);
                    try {
                        var done = clients.invokeAll(List.of(writer, writer, reader, reader, reader, reader));
                        for (var outcome : done) {
                            assertThat(outcome.get()).isEqualTo(300);
                        }
                    } finally {
                        clients.shutdownNow();
                    }
                }
            }
        }
    }

    private static void produce(KafkaBroker broker, String value) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all",
                "enable.idempotence", true);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-check", "one-key", value)).get();
        }
    }

    private static List<String> consumeAll(KafkaBroker broker) {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "check",
                "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("restart-check"));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
