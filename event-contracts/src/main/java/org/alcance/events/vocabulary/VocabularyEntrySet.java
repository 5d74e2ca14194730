package org.alcance.events.vocabulary;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.alcance.events.Checks;
import org.alcance.events.training.OrganisationType;

/**
 * An entry of the catalogue, new or with new labels: its stable {@code code}, and its label in each of
 * {@link #LANGUAGES}. Its id, and the Kafka key of its events, is {@code AUDIENCE/journalists}; it belongs to no
 * office, so {@link #office()} is null.
 */
public record VocabularyEntrySet(VocabularyKind kind, String code, Map<String, String> labels, Instant setAt,
        String setBy) implements VocabularyEvent {

    public static final String TYPE = "org.alcance.campaign.vocabulary-entry-set.v1";

    /** The languages every entry is labelled in: ISO 639-1 codes. */
    public static final Set<String> LANGUAGES = Set.of("en", "es", "fr");

    /** A code: a letter or digit, then letters, digits, '-' or '_', 64 characters at most. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public static final int MAX_LABEL = 200;

    public VocabularyEntrySet {
        Checks.notNull(kind, "kind");
        Checks.text(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must match " + CODE.pattern());
        }
        if (kind == VocabularyKind.ORGANISATION_TYPE
                && Arrays.stream(OrganisationType.values()).noneMatch(type -> type.name().equals(code))) {
            throw new IllegalArgumentException("code of an organisation type must be one of "
                    + Arrays.toString(OrganisationType.values()));
        }
        Checks.notNull(labels, "labels");
        if (!labels.keySet().equals(LANGUAGES)) {
            throw new IllegalArgumentException("labels must be given in exactly " + new TreeSet<>(LANGUAGES));
        }
        labels.forEach((language, label) -> {
            Checks.text(label, "labels." + language);
            if (label.length() > MAX_LABEL) {
                throw new IllegalArgumentException("labels." + language + " must have at most " + MAX_LABEL
                        + " characters");
            }
        });
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        Checks.notNull(setAt, "setAt");
        Checks.text(setBy, "setBy");
    }

    /** The entry's id: its kind and code. */
    public static String id(VocabularyKind kind, String code) {
        return kind.name() + "/" + code;
    }

    @Override
    public String aggregateId() {
        return id(kind, code);
    }

    @Override
    public String office() {
        return null;
    }
}
