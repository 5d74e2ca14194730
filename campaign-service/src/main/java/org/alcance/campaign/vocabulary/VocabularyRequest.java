package org.alcance.campaign.vocabulary;

import java.util.Map;

/** {@code labels}: the entry's label in English, Spanish and French, {@code {"en": …, "es": …, "fr": …}}. */
record VocabularyRequest(Map<String, String> labels) {
}
