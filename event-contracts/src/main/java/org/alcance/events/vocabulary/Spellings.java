package org.alcance.events.vocabulary;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What names an entry of the catalogue: its code, or one of its labels, ignoring case and the spaces around it.
 * campaign-service checks writes by it and reporting-service groups figures by it, so both read "Periodistas"
 * as {@code journalists} alike. Where a label of one entry is another's code or label, the code wins, then the
 * first entry added.
 */
public final class Spellings {

    private final Map<VocabularyKind, Map<String, String>> codes = new EnumMap<>(VocabularyKind.class);

    public void add(VocabularyKind kind, String code, Collection<String> labels) {
        Map<String, String> spellings = codes.computeIfAbsent(kind, k -> new TreeMap<>());
        labels.forEach(label -> spellings.putIfAbsent(spelling(label), code));
        spellings.put(spelling(code), code);
    }

    public boolean defines(VocabularyKind kind) {
        return codes.containsKey(kind);
    }

    /** The code that {@code value} names, if it names one. */
    public Optional<String> code(VocabularyKind kind, String value) {
        return value == null ? Optional.empty()
                : Optional.ofNullable(codes.getOrDefault(kind, Map.of()).get(spelling(value)));
    }

    /** The codes of a kind, in order. */
    public List<String> codes(VocabularyKind kind) {
        return codes.getOrDefault(kind, Map.of()).values().stream().distinct().sorted().toList();
    }

    /** The form two spellings of one name share. */
    public static String spelling(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
