package org.alcance.reporting.ingest;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.alcance.reporting.projection.Step;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies one event to one aggregate's document with ONE conditional single-document write: an insert if the
 * document does not exist (a duplicate key means another writer was first), else a replace filtered on the
 * {@code sequence} that was read. A lost race re-reads and tries again, so two consumers (a rebalance, a
 * redelivery) can never both apply an event, and no transaction is needed.
 */
@Component
class FigureWriter {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    FigureWriter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    <T> Step<T> write(String collection, String id, Class<T> type, Supplier<T> empty, ToLongFunction<T> sequenceOf,
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
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("sequence").is(sequenceOf.applyAsLong(current)));
            var result = mongo.replace(unchanged, step.figures(), ReplaceOptions.none(), collection).block(TIMEOUT);
            if (result != null && result.getMatchedCount() == 1) {
                return step;
            }
        }
    }
}
