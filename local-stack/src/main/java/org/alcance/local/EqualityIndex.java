package org.alcance.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;

/**
 * A unique index of the wire server that also answers a query with a plain value (or an {@code $in} of plain
 * values) for each of its keys and further conditions, e.g. {@code {_id: "c1", sequence: 7}} or
 * {@code {_id: {$in: ["c1", "c2"]}, lease: ...}}: the wire server's own index answers only a query on its keys
 * alone and scans the whole collection otherwise, which made every conditional single-document write cost a
 * scan (real MongoDB uses the index). The documents found are still matched against the whole query, so the
 * answer is the same.
 */
final class EqualityIndex<P> extends Index<P> {

    private final Index<P> index;

    EqualityIndex(Index<P> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || keys().stream().allMatch(key -> plain(query.get(key)) || plainIn(query.get(key)));
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection);
    }

    private static boolean plainIn(Object value) {
        return value instanceof Document condition && condition.keySet().equals(java.util.Set.of("$in"))
                && condition.get("$in") instanceof Collection<?> values && values.stream().allMatch(EqualityIndex::plain);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.getPositions(query);
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public void drop() {
        index.drop();
    }
}
