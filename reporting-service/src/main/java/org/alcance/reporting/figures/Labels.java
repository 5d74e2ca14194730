package org.alcance.reporting.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.alcance.events.vocabulary.Spellings;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.reporting.figures.Views.AudienceProgress;
import org.alcance.reporting.figures.Views.CampaignDetail;
import org.alcance.reporting.figures.Views.CourseDetail;
import org.alcance.reporting.figures.Views.Overview;
import org.alcance.reporting.projection.Counts;
import org.alcance.reporting.projection.VocabularyFigures;

/**
 * The organisation's catalogue as figures are grouped and labelled by it (docs/architecture.md, "Vocabularies").
 * Audiences, themes, channels and materials are grouped by the code each value names (see {@link Spellings}), so
 * that free text written before the catalogue ("Journalists", "journalists") joins its code; a value that names
 * none stays a group of its own. Grouping happens as figures are answered, never
 * in the stored documents, so an entry set later regroups what came before it, and a replay gives the same.
 */
final class Labels {

    /** The languages of the labels, the first the default. */
    static final List<String> LANGUAGES = List.of("en", "es", "fr");

    private final Spellings spellings = new Spellings();
    /** Labels by kind, code and language. */
    private final Map<VocabularyKind, Map<String, Map<String, String>>> labels = new EnumMap<>(VocabularyKind.class);

    Labels(Collection<VocabularyFigures> entries) {
        for (VocabularyFigures entry : entries) {
            if (!entry.seen()) {
                continue;
            }
            VocabularyKind kind = VocabularyKind.valueOf(entry.kind());
            spellings.add(kind, entry.code(), entry.labels().values());
            labels.computeIfAbsent(kind, k -> new TreeMap<>()).put(entry.code(), entry.labels());
        }
    }

    /**
     * The labels of every entry in one language, by kind: what an answer's codes read as, for the caller.
     * {@code language} is the one chosen from the caller's {@code Accept-Language}.
     */
    record Shown(String language, Map<String, String> audiences, Map<String, String> themes,
                 Map<String, String> channels, Map<String, String> materials, Map<String, String> organisationTypes) {

        /** The label of {@code code}, an entry of {@code kind}; the code itself if it is none. */
        String of(VocabularyKind kind, String code) {
            Map<String, String> labels = switch (kind) {
                case AUDIENCE -> audiences;
                case CHANNEL -> channels;
                case THEME -> themes;
                case MATERIAL -> materials;
                case ORGANISATION_TYPE -> organisationTypes;
            };
            return labels.getOrDefault(code, code);
        }
    }

    Shown shown(String language) {
        return new Shown(language, in(VocabularyKind.AUDIENCE, language), in(VocabularyKind.THEME, language),
                in(VocabularyKind.CHANNEL, language), in(VocabularyKind.MATERIAL, language),
                in(VocabularyKind.ORGANISATION_TYPE, language));
    }

    /**
     * The language of the caller's {@code Accept-Language} that the labels are in, by its priorities; English
     * if it names none of them, or is no valid header.
     */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            String chosen = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return chosen == null ? LANGUAGES.get(0) : chosen;
        } catch (IllegalArgumentException notAHeader) {
            return LANGUAGES.get(0);
        }
    }

    /** The code {@code value} names (see {@link Spellings}), or {@code value} itself if it names none. */
    String key(VocabularyKind kind, String value) {
        return spellings.code(kind, value).orElse(value);
    }

    Overview grouped(Overview o, String language) {
        Views.Reach r = o.reach();
        return o.with(new Views.Reach(r.total(), keyed(VocabularyKind.AUDIENCE, r.byAudience()),
                        keyed(VocabularyKind.THEME, r.byTheme()), keyed(VocabularyKind.CHANNEL, r.byChannel()),
                        r.byOffice(), r.byMonth(), r.byCountry(), r.bySubdivision(), r.bySex(), r.byAgeGroup()),
                grouped(o.targets()), keyed(VocabularyKind.MATERIAL, o.materials()), shown(language));
    }

    CampaignDetail grouped(CampaignDetail c, String language) {
        return new CampaignDetail(c.id(), c.office(), c.illustrative(), c.title(), c.status(), keyed(VocabularyKind.THEME, c.themes()),
                keyed(VocabularyKind.CHANNEL, c.channels()), c.partners(), c.startDate(), c.endDate(), c.sequence(),
                c.asOf(), c.reached(), grouped(c.audiences()), c.bySex(), c.byAgeGroup(),
                keyed(VocabularyKind.CHANNEL, c.byChannel()), c.bySubdivision(), c.monthly(),
                keyed(VocabularyKind.MATERIAL, c.materials()), c.updatesCounted(), c.updatesRetracted(),
                shown(language));
    }

    CourseDetail labelled(CourseDetail c, String language) {
        return c.with(shown(language));
    }

    private Map<String, String> in(VocabularyKind kind, String language) {
        Map<String, String> shown = new TreeMap<>();
        labels.getOrDefault(kind, Map.of()).forEach((code, byLanguage) -> shown.put(code, byLanguage.get(language)));
        return shown;
    }

    private Map<String, Long> keyed(VocabularyKind kind, Map<String, Long> counts) {
        Map<String, Long> keyed = new TreeMap<>();
        counts.forEach((value, count) -> Counts.add(keyed, key(kind, value), count));
        return keyed;
    }

    private List<String> keyed(VocabularyKind kind, List<String> values) {
        return values.stream().map(value -> key(kind, value)).distinct().toList();
    }

    /**
     * Audiences that name one code, joined: targets, reach, baselines and breakdowns added up, in the order of
     * their first; milestones are those of the first that has any (one campaign's audiences name one code each
     * unless it was written both ways before the catalogue).
     */
    private List<AudienceProgress> grouped(List<AudienceProgress> audiences) {
        Map<String, List<AudienceProgress>> byKey = new LinkedHashMap<>();
        audiences.forEach(a -> byKey.computeIfAbsent(key(VocabularyKind.AUDIENCE, a.audience()),
                k -> new ArrayList<>()).add(a));
        List<AudienceProgress> grouped = new ArrayList<>();
        byKey.forEach((key, group) -> {
            Long target = null;
            Long baseline = null;
            long reached = 0;
            Map<String, Long> bySex = new TreeMap<>();
            Map<String, Long> byAgeGroup = new TreeMap<>();
            List<Views.MilestoneProgress> milestones = List.of();
            for (AudienceProgress a : group) {
                target = sum(target, a.target());
                baseline = sum(baseline, a.baseline());
                reached = Math.addExact(reached, a.reached());
                Counts.addAll(bySex, a.bySex());
                Counts.addAll(byAgeGroup, a.byAgeGroup());
                milestones = milestones.isEmpty() ? a.milestones() : milestones;
            }
            long achieved = Math.addExact(reached, baseline == null ? 0 : baseline);
            grouped.add(new AudienceProgress(key, target, reached, Views.percent(achieved, target), bySex, byAgeGroup,
                    baseline, milestones));
        });
        return grouped;
    }

    private static Long sum(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.addExact(a, b));
    }
}
