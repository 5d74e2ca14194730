package org.alcance.campaign.vocabulary;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** {@code labels}: the entry's label in English, Spanish and French, {@code {"en": …, "es": …, "fr": …}}. */
record VocabularyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> labels) {

    static final String EXAMPLE = """
            {"labels": {"en": "Journalists", "es": "Periodistas", "fr": "Journalistes"}}""";
}
