package org.alcance.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alcance.events.AudienceReach;
import org.alcance.events.EventCodec;
import org.alcance.events.EventTypes;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressReported;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * B1's store ceiling: concurrent writers each insert, as fast as the store answers, documents shaped and sized
 * as a stored progress update (nested figures, a reach list, one history entry, its pending event) into a scratch
 * collection of the local MongoDB wire server, which runs in this JVM; the collection is dropped after. What
 * B1's one insert per update costs at least, without HTTP, the token or validation.
 */
final class StoreCeiling {

    static final String MONGODB = "mongodb://127.0.0.1:27017";

    private StoreCeiling() {
    }

    static Throughput measure(int writers, Duration duration) throws Exception {
        try (MongoClient client = MongoClients.create(MONGODB)) {
            MongoCollection<Document> scratch = client.getDatabase("bench").getCollection("store-ceiling");
            scratch.drop();
            Document template = update(UUID.randomUUID().toString());
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Callable<Long>> inserters = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                inserters.add(() -> {
                    long inserted = 0;
                    while (System.nanoTime() < deadline) {
                        String id = UUID.randomUUID().toString();
                        // a shallow copy: only the ids differ, and the driver only reads the nested parts
                        scratch.insertOne(new Document(template).append("_id", id).append("pending", id));
                        inserted++;
                    }
                    return inserted;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long inserted = 0;
            try {
                for (Future<Long> done : pool.invokeAll(inserters)) {
                    inserted += done.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Throughput ceiling = new Throughput(inserted, (System.nanoTime() - start) / 1e9);
            scratch.drop();
            return ceiling;
        }
    }

    /** The BSON size of one inserted document. */
    static int documentBytes() {
        return new RawBsonDocument(update(UUID.randomUUID().toString()), new DocumentCodec()).getByteBuffer().remaining();
    }

    /**
     * A progress update as campaign-service stores one of B1's (one audience, no breakdown, no materials):
     * its state, its history and its pending event.
     */
    static Document update(String id) {
        String campaign = UUID.randomUUID().toString();
        Instant now = Instant.now();
        ProgressReported event = new ProgressReported(campaign, "GT", id, LocalDate.of(2002, 11, 13),
                new Place("Tecun Uman", "San Marcos"), "poster", Map.of(),
                List.of(new AudienceReach("migrants", 3)), "bench-1732730140000-1-4711");
        Document figures = new Document("reportedOn", Date.from(Instant.parse("2002-11-13T00:00:00Z")))
                .append("place", new Document("name", "Tecun Uman").append("adminArea", "San Marcos"))
                .append("channel", "poster")
                .append("materials", new Document())
                .append("reach", List.of(new Document("audience", "migrants").append("people", 3L)
                        .append("bySex", new Document())
                        .append("byAgeGroup", new Document())))
                .append("notes", null);
        String user = "user-" + UUID.randomUUID();
        return new Document("_id", id).append("campaignId", campaign).append("office", "GT").append("revision", 1)
                .append("status", "REPORTED").append("figures", figures).append("clientReference", event.clientReference())
                .append("reportedAt", Date.from(now)).append("reportedBy", user).append("changedAt", Date.from(now))
                .append("history", List.of(new Document("revision", 1).append("status", "REPORTED")
                        .append("at", Date.from(now)).append("by", user).append("reason", null).append("figures", figures)))
                .append("outbox", List.of(new Document("eventId", UUID.randomUUID().toString())
                        .append("type", EventTypes.typeOf(event)).append("subject", id).append("key", campaign)
                        .append("sequence", 1L).append("time", Date.from(now))
                        .append("payload", new String(new EventCodec().write(event), StandardCharsets.UTF_8))
                        .append("localWrite", null)))
                .append("pending", id);
    }
}
