package org.alcance.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * An in-process MongoDB wire-protocol server: in memory, or file-backed so that data survives a
 * restart, and then it can also be stopped and started again on the same port, as a database outage
 * would. It speaks as MongoDB 5.0 because the current driver rejects older servers. Its unique
 * indexes find a document by an equality on their keys also when the query has more conditions
 * ({@link EqualityIndex}).
 */
public final class MongoWireServer implements AutoCloseable {

    private final Supplier<MongoBackend> backends;
    private final int port;
    private MongoServer server;

    private MongoWireServer(Supplier<MongoBackend> backends, int port) {
        this.backends = backends;
        this.port = port == 0 ? Ports.free() : port;
        start();
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(() -> new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return answerWithCopies(this, database, command, query,
                        () -> super.handleCommand(channel, database, command, query));
            }

            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                            boolean sparse) {
                        return new EqualityIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse), sparse);
                    }
                };
            }
        }, port);
    }

    public static MongoWireServer fileBacked(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoWireServer(() -> new H2Backend(file.toString()) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return answerWithCopies(this, database, command, query,
                        () -> super.handleCommand(channel, database, command, query));
            }

            @Override
            protected MongoDatabase openOrCreateDatabase(String name) {
                return new H2Database(name, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                            boolean sparse) {
                        return new EqualityIndex<>(super.openOrCreateUniqueIndex(collection, index, keys, sparse), sparse);
                    }
                };
            }
        }, port);
    }

    /**
     * The server answers a read (or a findAndModify) with its stored documents themselves and changes
     * a stored document in place under its collection's lock, while a reply is encoded after that lock
     * is released: a reply whose document gained or lost a field meanwhile fails to encode and its
     * connection drops. So the stored documents a reply carries are copied before the lock is released.
     */
    private static Document answerWithCopies(MongoBackend backend, String database, String command, Document query,
            Supplier<Document> answer) {
        Object collectionName = switch (command.toLowerCase(Locale.ROOT)) {
            case "find", "findandmodify", "aggregate" -> query.get(command);
            case "getmore" -> query.get("collection");
            default -> null;
        };
        MongoCollection<?> collection = collectionName instanceof String name
                ? backend.resolveDatabase(database).resolveCollection(name, false)
                : null;
        if (collection == null) {
            return answer.get();
        }
        synchronized (collection) { // the lock the collection's reads and writes take
            return copyStoredDocuments(answer.get());
        }
    }

    /**
     * Replaces each document of a reply (a cursor's batch or a findAndModify's value) by a copy of
     * its fields. One level is enough: an update puts new values into the stored document, computed
     * on a deep copy of it, and never changes a stored value itself.
     */
    private static Document copyStoredDocuments(Document reply) {
        if (reply.get("value") instanceof Document value) {
            reply.put("value", value.clone());
        }
        if (reply.get("cursor") instanceof Document cursor) {
            for (String batch : List.of("firstBatch", "nextBatch")) {
                if (cursor.get(batch) instanceof List<?> documents) {
                    cursor.put(batch, documents.stream().map(d -> d instanceof Document document ? document.clone() : d)
                            .toList());
                }
            }
        }
        return reply;
    }

    /** (Re)starts the server on its port: a file-backed one reopens its file, one in memory starts empty. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new MongoServer(backends.get().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", port);
    }

    /** Closes every connection and stops listening; the data of a file-backed server stays in its file. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown(); // also closes the backend, which flushes a file store
            server = null;
        }
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
