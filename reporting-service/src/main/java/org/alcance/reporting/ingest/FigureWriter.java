package org.alcance.reporting.ingest;

import com.mongodb.MongoBulkWriteException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.alcance.reporting.projection.Figures;
import org.alcance.reporting.projection.Step;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies one event to one aggregate's document with ONE conditional single-document write: an insert if the
 * document does not exist (a duplicate key means another writer was first), else a replace filtered on the
 * {@code version} that was read. A lost race re-reads and tries again, so two consumers (a rebalance, a
 * redelivery) can never both apply an event, nor overwrite each other's, and no transaction is needed. The
 * guard is the version, not the sequence: a campaign's progress updates change its document without moving
 * its sequence.
 *
 * <p>A poll's worth of aggregates is read with one query and written with one unordered bulk write of the same
 * conditional writes; an aggregate whose write did not land goes through the single-document path again.
 */
@Component
class FigureWriter {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    FigureWriter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    <T extends Figures> Step<T> write(String collection, String id, Class<T> type, Supplier<T> empty,
            Function<T, Step<T>> apply) {
        while (true) {
            T current = mongo.findById(id, type, collection).block(TIMEOUT);
            Step<T> step = apply.apply(current == null ? empty.get() : current);
            if (!step.changed()) {
                return step;
            }
            if (current == null) {
                try {
                    mongo.insert(step.figures(), collection).block(TIMEOUT);
                    return step;
                } catch (DuplicateKeyException anotherWriterWasFirst) {
                    continue;
                }
            }
            var result = mongo.replace(unchanged(current), step.figures(), ReplaceOptions.none(), collection)
                    .block(TIMEOUT);
            if (result != null && result.getMatchedCount() == 1) {
                return step;
            }
        }
    }

    /** The stored documents of {@code ids}, by id, read with one query. */
    <T extends Figures> Map<String, T> read(String collection, Class<T> type, Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection)
                .collectMap(Figures::id).block(TIMEOUT);
    }

    /** A document to write, and the document it replaces as it was read (null if there was none). */
    record Write<T extends Figures>(T figures, T read) {
    }

    /**
     * Writes every document with one unordered bulk write of the single-document path's conditional writes: an
     * insert where there was no document, else a replace filtered on {@code _id} and the {@code version} read.
     * The replace is an upsert only so that a document whose version moved since it was read fails with a
     * duplicate key naming it, as an insert of a document that appeared meanwhile does.
     *
     * @return the ids whose write did not land (another writer was first, or MongoDB refused the document)
     */
    <T extends Figures> Set<String> write(String collection, Class<T> type, List<Write<T>> writes) {
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, type, collection);
        for (Write<T> write : writes) {
            if (write.read() == null) {
                bulk.insert(write.figures());
            } else {
                bulk.replaceOne(unchanged(write.read()), write.figures(), FindAndReplaceOptions.options().upsert());
            }
        }
        try {
            bulk.execute().block(TIMEOUT);
            return Set.of();
        } catch (RuntimeException e) {
            MongoBulkWriteException partly = bulkWriteFailure(e);
            if (partly == null || partly.getWriteConcernError() != null) {
                throw e;
            }
            return partly.getWriteErrors().stream().map(error -> writes.get(error.getIndex()).figures().id())
                    .collect(Collectors.toSet());
        }
    }

    // A document written before documents had a version has none, and reads as version 0.
    private static Query unchanged(Figures read) {
        Criteria version = Criteria.where("_id").is(read.id()).and("version");
        return Query.query(read.version() == 0 ? version.in(0L, null) : version.is(read.version()));
    }

    static MongoBulkWriteException bulkWriteFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }
}
