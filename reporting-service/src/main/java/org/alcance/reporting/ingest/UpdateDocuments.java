package org.alcance.reporting.ingest;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.projection.CampaignFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The progress updates' documents of a generation: read before their events apply, and written from the
 * journals of the campaign documents that counted them (docs/architecture.md, "Reporting"). A campaign's write
 * is where an event becomes counted; writing its journal's updates afterwards, then emptying the journal, may
 * fail or be cut short by a crash without losing anything: the journal stays, its updates are taken from it
 * over their documents, and the campaign's next write settles it again.
 */
@Component
class UpdateDocuments {

    private static final Logger log = LoggerFactory.getLogger(UpdateDocuments.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final Set<Long> indexed = ConcurrentHashMap.newKeySet();

    UpdateDocuments(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored documents of {@code ids} ({@code Update.key}), by id; read after their campaigns' documents. */
    Map<String, CampaignFigures.Update> read(long generation, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), CampaignFigures.Update.class,
                Generations.updates(generation)).collectMap(CampaignFigures.Update::id).block(TIMEOUT);
    }

    /**
     * Writes the updates that the journals of {@code written} (campaign documents as just stored) hold, each
     * replacing a stored copy only if that is older, then empties each journal unless its campaign changed since.
     */
    void settle(long generation, Collection<CampaignFigures> written) {
        List<CampaignFigures> journaled = written.stream().filter(c -> !c.journal().isEmpty()).toList();
        if (journaled.isEmpty()) {
            return;
        }
        String collection = Generations.updates(generation);
        try {
            index(generation, collection);
            ReactiveBulkOperations updates = mongo.bulkOps(BulkMode.UNORDERED, CampaignFigures.Update.class,
                    collection);
            journaled.forEach(campaign -> campaign.journal().values().forEach(update -> updates.replaceOne(
                    Query.query(Criteria.where("_id").is(update.id()).and("version").lt(update.version())), update,
                    FindAndReplaceOptions.options().upsert())));
            execute(updates);
            ReactiveBulkOperations journals = mongo.bulkOps(BulkMode.UNORDERED, CampaignFigures.class,
                    Generations.campaigns(generation));
            journaled.forEach(campaign -> journals.updateOne(Query.query(Criteria.where("_id").is(campaign.id())
                    .and("version").is(campaign.version())), new Update().unset("journal")));
            journals.execute().block(TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("The journals of {} campaign(s) stay until their next change: {}", journaled.size(), e.toString());
        }
    }

    // A duplicate key is a stored copy at least as new as the one written: nothing to do.
    private static void execute(ReactiveBulkOperations bulk) {
        try {
            bulk.execute().block(TIMEOUT);
        } catch (RuntimeException e) {
            MongoBulkWriteException partly = FigureWriter.bulkWriteFailure(e);
            if (partly == null || partly.getWriteConcernError() != null || partly.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    // What a period's figures read the updates by: the day they were reported for.
    private void index(long generation, String collection) {
        if (!indexed.contains(generation)) {
            mongo.indexOps(collection).createIndex(new Index("reportedOn", Sort.Direction.ASC)).block(TIMEOUT);
            indexed.add(generation);
        }
    }
}
