package org.alcance.campaign.vocabulary;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.alcance.events.vocabulary.Spellings;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.web.Violations;

/**
 * The organisation's catalogue as a request reads it. A kind without entries takes free text, as every kind did
 * before the catalogue; once it has entries, a value must name one of them (see {@link Spellings}), and is stored
 * as the code (docs/architecture.md, "Vocabularies").
 */
public final class Catalogue {

    /** Known codes shown in a refusal, at most: enough to spot a typing mistake, short enough to read. */
    private static final int CODES_SHOWN = 12;

    private final Spellings spellings = new Spellings();

    Catalogue(Collection<VocabularyEntry> entries) {
        entries.forEach(entry -> spellings.add(entry.kind(), entry.code(), entry.labels().values()));
    }

    public boolean defines(VocabularyKind kind) {
        return spellings.defines(kind);
    }

    /** The code that {@code value} names, if it names one. */
    public Optional<String> code(VocabularyKind kind, String value) {
        return spellings.code(kind, value);
    }

    /**
     * What to store for {@code value}: itself if its kind takes free text or it is one of {@code kept} (a value
     * the aggregate already holds, kept as it was), else the code it names; a violation of {@code field} if none.
     */
    public String stored(VocabularyKind kind, String value, Collection<String> kept, String field,
            Violations violations) {
        if (value == null || !defines(kind) || kept.contains(value)) {
            return value;
        }
        Optional<String> code = code(kind, value);
        violations.check(code.isPresent(), field, "is not in the organisation's " + kind.path() + ": "
                + known(kind) + " (GET /api/vocabularies/" + kind.path() + ")");
        return code.orElse(value);
    }

    /** As {@link #stored} for each of {@code values}, each refusal naming its index. */
    public List<String> stored(VocabularyKind kind, List<String> values, Collection<String> kept, String field,
            Violations violations) {
        if (values == null) {
            return null;
        }
        return IntStream.range(0, values.size())
                .mapToObj(i -> stored(kind, values.get(i), kept, field + "[" + i + "]", violations)).toList();
    }

    /**
     * Which of {@code choices} (an aggregate's own values: codes, or free text kept from before the catalogue)
     * {@code value} names: the same text, or the same code.
     */
    public Optional<String> choice(VocabularyKind kind, String value, Collection<String> choices) {
        if (value == null || choices.contains(value)) {
            return Optional.ofNullable(value);
        }
        Optional<String> code = code(kind, value);
        return code.flatMap(c -> choices.stream().filter(choice -> code(kind, choice).equals(code)).findFirst());
    }

    private String known(VocabularyKind kind) {
        List<String> known = spellings.codes(kind);
        return known.size() <= CODES_SHOWN ? String.join(", ", known)
                : String.join(", ", known.subList(0, CODES_SHOWN)) + " and " + (known.size() - CODES_SHOWN) + " more";
    }
}
