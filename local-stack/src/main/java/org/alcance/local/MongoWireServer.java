package org.alcance.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB wire-protocol server: in memory, or file-backed so that data survives a
 * restart. It speaks as MongoDB 5.0 because the current driver rejects older servers.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;

    private MongoWireServer(MongoBackend backend, int port) {
        this.backend = backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(this.backend);
        server.bind("127.0.0.1", port == 0 ? Ports.free() : port);
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(new MemoryBackend(), port);
    }

    public static MongoWireServer fileBacked(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoWireServer(new H2Backend(file.toString()), port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        server.shutdown(); // also closes the backend, which flushes a file store
    }
}
