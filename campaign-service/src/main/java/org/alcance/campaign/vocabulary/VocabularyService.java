package org.alcance.campaign.vocabulary;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.alcance.campaign.AggregateStore;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.vocabulary.Spellings;
import org.alcance.events.vocabulary.VocabularyEntrySet;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.outbox.AggregateWriter.Append;
import org.alcance.outbox.Outbox;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The organisation's catalogue: an admin sets its entries; everyone signed in reads them. */
@Service
class VocabularyService {

    private final AggregateStore<VocabularyEntry> entries;
    private final ReactiveMongoTemplate mongo;
    private final Vocabulary vocabulary;
    private final Outbox outbox;
    private final Clock clock;

    VocabularyService(ReactiveMongoTemplate mongo, Vocabulary vocabulary, Outbox outbox, Clock clock) {
        this.entries = new AggregateStore<>(VocabularyEntry.class, VocabularyEntry.COLLECTION, "Vocabulary entry",
                mongo, outbox, clock);
        this.mongo = mongo;
        this.vocabulary = vocabulary;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every entry, or those of the kind named as in the paths ({@code audiences}). */
    Flux<VocabularyEntry> list(String kindPath) {
        Query query = new Query().with(Sort.by("kind", "code"));
        if (kindPath != null) {
            query.addCriteria(Criteria.where("kind").is(kind(kindPath)));
        }
        query.fields().exclude("outbox");
        return mongo.find(query, VocabularyEntry.class);
    }

    Mono<VocabularyEntry> get(String kindPath, String code) {
        return entries.find(VocabularyEntrySet.id(kind(kindPath), code));
    }

    /**
     * Adds an entry or gives it new labels. A label may not be another entry's label or code of the same kind,
     * since it would then name two entries; the same labels again change nothing.
     */
    Mono<VocabularyEntry> set(Caller caller, String kindPath, String code, VocabularyRequest request) {
        if (!caller.roles().contains("admin")) {
            return Mono.error(Problem.forbidden("Only the admin role sets the organisation's vocabularies"));
        }
        VocabularyKind kind = kind(kindPath);
        Map<String, String> labels = request == null || request.labels() == null ? Map.of() : request.labels();
        Violations violations = new Violations()
                .check(VocabularyEntrySet.CODE.matcher(code).matches(), "code",
                        "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit")
                .check(kind != VocabularyKind.ORGANISATION_TYPE
                                || Arrays.stream(OrganisationType.values()).anyMatch(t -> t.name().equals(code)),
                        "code", "must be one of the organisation types a participant's enrolment names: "
                                + Arrays.toString(OrganisationType.values()))
                .required(request == null ? null : request.labels(), "labels");
        labels.keySet().stream().filter(language -> !VocabularyEntrySet.LANGUAGES.contains(language)).sorted()
                .forEach(language -> violations.check(false, "labels." + language, "is not one of the languages "
                        + new TreeSet<>(VocabularyEntrySet.LANGUAGES)));
        new TreeSet<>(VocabularyEntrySet.LANGUAGES).forEach(language -> violations.text(labels.get(language),
                "labels." + language, VocabularyEntrySet.MAX_LABEL));
        violations.throwIfAny();
        String id = VocabularyEntrySet.id(kind, code);
        Instant now = clock.instant();
        VocabularyEntrySet set = new VocabularyEntrySet(kind, code, labels, now, caller.subject());
        return list(kindPath).filter(other -> !other.id().equals(id)).collectList()
                .doOnNext(others -> requireDistinct(set, others))
                .then(entries.appendOrInsert(id,
                        current -> current.labels().equals(set.labels()) ? new Append(new Update(), List.of())
                                : new Append(Update.update("labels", set.labels()).set("setBy", caller.subject()),
                                        outbox.entries(List.of(set), current.sequence())),
                        () -> new VocabularyEntry(id, kind, code, set.labels(), 1, now, caller.subject(),
                                outbox.entries(List.of(set), 0))))
                .doOnSuccess(written -> vocabulary.forget());
    }

    private static void requireDistinct(VocabularyEntrySet set, List<VocabularyEntry> others) {
        Violations violations = new Violations();
        for (VocabularyEntry other : others) {
            violations.check(!Spellings.spelling(other.code()).equals(Spellings.spelling(set.code())), "code",
                    "differs from " + other.code() + " only in case");
            set.labels().forEach((language, label) -> {
                boolean taken = Spellings.spelling(other.code()).equals(Spellings.spelling(label)) || other.labels().values().stream()
                        .anyMatch(theirs -> Spellings.spelling(theirs).equals(Spellings.spelling(label)));
                violations.check(!taken, "labels." + language, "'" + label + "' already names " + other.code());
            });
        }
        violations.throwIfAny();
    }

    private static VocabularyKind kind(String path) {
        return VocabularyKind.ofPath(path).orElseThrow(() -> Problem.notFound("Vocabulary " + path + " (one of "
                + Arrays.stream(VocabularyKind.values()).map(VocabularyKind::path).toList() + ")"));
    }
}
