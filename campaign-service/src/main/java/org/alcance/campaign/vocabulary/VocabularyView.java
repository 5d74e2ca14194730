package org.alcance.campaign.vocabulary;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A catalogue entry as the API answers it, its {@code kind} named as in the paths: {@code audiences}. */
record VocabularyView(String kind, String code, Map<String, String> labels, long sequence, Instant changedAt,
        String setBy) {

    static VocabularyView of(VocabularyEntry entry) {
        return new VocabularyView(entry.kind().path(), entry.code(), entry.labels(), entry.sequence(),
                entry.changedAt(), entry.setBy());
    }

    /** Entries in kind and code order. */
    @Schema(name = "VocabularyPage")
    record Page(List<VocabularyView> items) {
    }
}
