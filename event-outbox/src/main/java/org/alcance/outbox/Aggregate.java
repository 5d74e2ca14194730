package org.alcance.outbox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A document that carries its own pending events and numbers them: its {@code sequence} numbers its events
 * and guards every write against a concurrent one, its {@code outbox} holds those the relay has not yet
 * published.
 */
public interface Aggregate {

    String id();

    long sequence();

    List<OutboxEvent> outbox();

    /** The newest state of a document of ours that a pending event implies and may not be stored yet. */
    default Optional<OutboxEvent.LocalWrite> newestPendingWrite(String documentId) {
        return outbox().stream().map(OutboxEvent::localWrite)
                .filter(write -> write != null && write.id().equals(documentId))
                .max(Comparator.comparingInt(OutboxEvent.LocalWrite::revision));
    }
}
