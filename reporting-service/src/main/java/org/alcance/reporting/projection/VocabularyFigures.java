package org.alcance.reporting.projection;

import java.time.Instant;
import java.util.Map;
import org.alcance.events.vocabulary.VocabularyEntrySet;

/** An entry of the organisation's catalogue as its events set it: its kind, code and labels by language. */
public record VocabularyFigures(
        String id,
        String kind,
        String code,
        Map<String, String> labels,
        long sequence,
        long version,
        Instant asOf) implements Figures {

    public VocabularyFigures {
        labels = labels == null ? Map.of() : labels;
    }

    public static VocabularyFigures empty(String id) {
        return new VocabularyFigures(id, null, null, Map.of(), 0, 0, null);
    }

    public Step<VocabularyFigures> apply(VocabularyEntrySet event, long sequence, Instant time) {
        if (!Sequencing.isNew("vocabulary entry", id, event.aggregateId(), null, null, this.sequence, sequence)) {
            return Step.duplicate(this);
        }
        return Step.applied(new VocabularyFigures(id, event.kind().name(), event.code(), event.labels(), sequence,
                version + 1, Sequencing.asOf(asOf, time)), this.sequence, sequence);
    }
}
