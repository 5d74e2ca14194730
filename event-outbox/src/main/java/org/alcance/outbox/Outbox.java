package org.alcance.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.EventTypes;

/**
 * Turns domain events into outbox entries numbered after an aggregate's last sequence, and wakes
 * the relay once they are stored.
 */
public class Outbox {

    /** Pending events one aggregate may hold while the broker is away, well inside MongoDB's 16 MB per document. */
    public static final int MAX_PENDING = 5_000;

    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;

    Outbox(EventCodec codec, Clock clock, OutboxRelay relay) {
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
    }

    public OutboxEvent entry(DomainEvent event, long sequence, OutboxEvent.LocalWrite localWrite) {
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.typeOf(event), sequence, clock.instant(),
                new String(codec.write(event), StandardCharsets.UTF_8), localWrite);
    }

    public List<OutboxEvent> entries(List<DomainEvent> events, long lastSequence) {
        List<OutboxEvent> entries = new ArrayList<>();
        for (DomainEvent event : events) {
            entries.add(entry(event, lastSequence + entries.size() + 1, null));
        }
        return entries;
    }

    /** Tells the relay that {@code aggregate} stored new events, so they leave now rather than at the next sweep. */
    public void stored(Aggregate aggregate) {
        relay.wake(aggregate.id());
    }
}
