package org.alcance.campaign.vocabulary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An entry of the organisation's catalogue, {@code AUDIENCE/journalists}, with the events it has not yet published. */
@Document(VocabularyEntry.COLLECTION)
record VocabularyEntry(
        @Id String id,
        VocabularyKind kind,
        String code,
        Map<String, String> labels,
        long sequence,
        Instant changedAt,
        String setBy,
        List<OutboxEvent> outbox) implements Aggregate {

    static final String COLLECTION = "vocabulary";

    VocabularyEntry {
        outbox = outbox == null ? List.of() : outbox;
    }
}
