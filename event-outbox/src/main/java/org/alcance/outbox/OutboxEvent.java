package org.alcance.outbox;

import java.time.Instant;

/**
 * An event waiting in its document for the relay, written in the same single-document write as the state
 * change it describes, so neither exists without the other.
 *
 * @param subject the CloudEvents subject, whose events {@code sequence} numbers; also the id of the document
 *     that carries the event
 * @param key the Kafka key: the aggregate, so that its events and those of its parts share a partition
 * @param payload the event's JSON, exactly as it will be published
 * @param localWrite a document of this service's own that the event implies (e.g. the participant it
 *     enrols), applied idempotently before the event is cleared; may be null
 */
public record OutboxEvent(String eventId, String type, String subject, String key, long sequence, Instant time,
        String payload, LocalWrite localWrite) {

    /** Replace-or-insert of {@code document} under {@code id}, unless a newer revision is stored. */
    public record LocalWrite(String collection, String id, int revision, org.bson.Document document) {
    }
}
