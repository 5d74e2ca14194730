package org.alcance.outbox;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Applies the document an outbox event implies. Both the request that stored the event and the
 * relay apply it, so it exists even if the request died right after its write; the revision makes
 * applying it twice, or after a newer one, change nothing.
 */
public class LocalWrites {

    private final ReactiveMongoTemplate mongo;

    LocalWrites(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A document of ours, mapped as MongoDB stores it, to be written at {@code revision} with an event. */
    public OutboxEvent.LocalWrite of(String collection, String id, int revision, Object entity) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        return new OutboxEvent.LocalWrite(collection, id, revision, document);
    }

    /** The entity a local write stores. */
    public <T> T read(Class<T> type, OutboxEvent.LocalWrite write) {
        return mongo.getConverter().read(type, write.document());
    }

    public Mono<Void> apply(OutboxEvent.LocalWrite write) {
        return apply(write.collection(), write.id(), write.revision(), write.document());
    }

    Mono<Void> apply(Document write) {
        return apply(write.getString("collection"), write.getString("id"), write.getInteger("revision"),
                write.get("document", Document.class));
    }

    private Mono<Void> apply(String collection, String id, int revision, Document document) {
        Document olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("revision").lt(revision)).getQueryObject();
        return mongo.getCollection(collection)
                .flatMap(target -> Mono.from(target.replaceOne(olderOrAbsent, document, new ReplaceOptions().upsert(true))))
                .then()
                .onErrorResume(error -> error instanceof DuplicateKeyException || error instanceof MongoWriteException,
                        sameOrNewerStored -> Mono.empty());
    }
}
