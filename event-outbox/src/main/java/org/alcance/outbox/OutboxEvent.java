package org.alcance.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document for the relay, written in the same single-document
 * update as the state change it describes, so neither exists without the other.
 *
 * @param payload the event's JSON, exactly as it will be published
 * @param localWrite a document of this service's own that the event implies (e.g. the progress
 *     update it reports), applied idempotently before the event is cleared; may be null
 */
public record OutboxEvent(String eventId, String type, long sequence, Instant time, String payload,
        LocalWrite localWrite) {

    /** Replace-or-insert of {@code document} under {@code id}, unless a newer revision is stored. */
    public record LocalWrite(String collection, String id, int revision, org.bson.Document document) {
    }
}
