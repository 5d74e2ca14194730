package org.alcance.reporting.generation;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Read models live in generations: each generation has its own collections (a name suffix) and its own
 * consumer group. One pointer document in MongoDB says which generation serves the figures ({@code active})
 * and which one a replay is rebuilding ({@code building}); every replica follows it.
 */
@Component
public class Generations {

    static final String COLLECTION = "reporting_generations";
    static final String POINTER = "pointer";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final String groupId;
    private volatile Pointer current = new Pointer(1, null, 1, null);

    Generations(ReactiveMongoTemplate mongo, @Value("${spring.kafka.consumer.group-id}") String groupId) {
        this.mongo = mongo;
        this.groupId = groupId;
    }

    /** Where the generations stand; {@code replay} describes the latest replay, if any. */
    public record Pointer(long active, Long building, long last, Document replay) {
    }

    public static String campaigns(long generation) {
        return "campaign_figures_g" + generation;
    }

    /** The current figures of each progress update, one document each (see {@code CampaignFigures.Update}). */
    public static String updates(long generation) {
        return "update_figures_g" + generation;
    }

    public static String courses(long generation) {
        return "course_figures_g" + generation;
    }

    /** The offices' reporting periods, one document each (see {@code PeriodFigures}). */
    public static String periods(long generation) {
        return "period_figures_g" + generation;
    }

    /** The organisation's reporting schedule: one document. */
    public static String schedules(long generation) {
        return "schedule_figures_g" + generation;
    }

    /** The organisation's catalogue, one document an entry (see {@code VocabularyFigures}). */
    public static String vocabulary(long generation) {
        return "vocabulary_figures_g" + generation;
    }

    /** Generation 1 consumes as the configured group; every rebuild gets a group of its own, from offset 0. */
    public String groupId(long generation) {
        return generation == 1 ? groupId : groupId + "-g" + generation;
    }

    /** The generation whose consumer group is {@code group}: the inverse of {@link #groupId}. */
    public long of(String group) {
        if (group.equals(groupId)) {
            return 1;
        }
        if (group.startsWith(groupId + "-g")) {
            return Long.parseLong(group.substring(groupId.length() + 2));
        }
        throw new IllegalArgumentException("Not a consumer group of the generations: " + group);
    }

    /** The generation serving figures, as last read from MongoDB by this replica. */
    public long active() {
        return current.active();
    }

    public Pointer current() {
        return current;
    }

    /** Reads the pointer (creating generation 1's on first start) and remembers it. */
    public Pointer refresh() {
        Document doc = mongo.findById(POINTER, Document.class, COLLECTION).block(TIMEOUT);
        if (doc == null) {
            try {
                mongo.insert(new Document("_id", POINTER).append("active", 1L).append("building", null)
                        .append("last", 1L), COLLECTION).block(TIMEOUT);
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                // read it below
            }
            doc = mongo.findById(POINTER, Document.class, COLLECTION).block(TIMEOUT);
        }
        Number building = doc.get("building", Number.class);
        Pointer pointer = new Pointer(doc.get("active", Number.class).longValue(),
                building == null ? null : building.longValue(), doc.get("last", Number.class).longValue(),
                doc.get("replay", Document.class));
        current = pointer;
        return pointer;
    }

    /**
     * Starts building a new generation unless one is being built; conditional on the pointer not having moved
     * since {@code seen}, so two replicas (or two requests) cannot start two.
     *
     * @return the new generation, or null if a replay is already running or the pointer moved
     */
    public Long startBuilding(Pointer seen, Document replay) {
        long next = seen.last() + 1;
        Query unchanged = Query.query(Criteria.where("_id").is(POINTER).and("building").is(null).and("last")
                .is(seen.last()));
        var result = mongo.updateFirst(unchanged, new Update().set("building", next).set("last", next)
                .set("replay", replay.append("generation", next)), COLLECTION).block(TIMEOUT);
        return result != null && result.getModifiedCount() == 1 ? next : null;
    }

    /** Records a replay's progress on the pointer, for every replica's {@code GET}. */
    public void recordProgress(long building, long consumed, long total) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(POINTER).and("building").is(building)),
                new Update().set("replay.consumed", consumed).set("replay.total", total), COLLECTION).block(TIMEOUT);
    }

    /** Makes the generation being built the active one, if it still is the one being built. */
    public boolean activate(long building) {
        Pointer seen = current;
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(POINTER).and("building").is(building)),
                new Update().set("active", building).set("building", null).set("replay.status", "DONE")
                        .set("replay.previous", seen.active()).set("replay.finishedAt", Instant.now()),
                COLLECTION).block(TIMEOUT);
        boolean switched = result != null && result.getModifiedCount() == 1;
        if (switched) {
            refresh();
        }
        return switched;
    }
}
