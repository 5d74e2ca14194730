package org.alcance.training.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One pseudonymous person id for a person of an office, whichever of its courses they enrol in (see
 * docs/architecture.md, "People counted once"): matched by the office's own reference for the person, else by
 * their email, trimmed and in lower case. Each key is a document of its own, its id the office and a digest of the
 * reference or email, so claiming one is a single insert: two enrolments of a new person racing each other meet a
 * duplicate key, and the later takes the earlier's id. Only the person id leaves this service.
 */
@Component
class PersonKeys {

    static final String COLLECTION = "person_keys";

    private final ReactiveMongoTemplate mongo;

    PersonKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record Key(@Id String id, String personId) {
    }

    /** The keys a person is known by, the reference's first: it decides when reference and email disagree. */
    static List<String> keys(String office, String reference, String email) {
        List<String> keys = new ArrayList<>();
        if (reference != null) {
            keys.add(referenceKey(office, reference));
        }
        if (email != null) {
            keys.add(emailKey(office, email));
        }
        return keys;
    }

    static String referenceKey(String office, String reference) {
        return office + "|reference|" + digest(reference.strip());
    }

    static String emailKey(String office, String email) {
        return office + "|email|" + digest(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The person the reference or email names, claiming the keys still free for them; a new id if neither names
     * anyone yet, or if neither is given.
     */
    Mono<String> personOf(String office, String reference, String email) {
        List<String> keys = keys(office, reference, email);
        if (keys.isEmpty()) {
            return Mono.just(newPersonId());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), Key.class)
                .collectMap(Key::id, Key::personId)
                .flatMap(stored -> {
                    String known = keys.stream().map(stored::get).filter(Objects::nonNull).findFirst()
                            .orElseGet(PersonKeys::newPersonId);
                    // the first key decides; the others are linked to its person where they are still free
                    return claim(keys.get(0), stored, known).flatMap(person -> Flux.fromIterable(keys)
                            .skip(1).concatMap(key -> claim(key, stored, person)).then(Mono.just(person)));
                });
    }

    /** Erasure: the participant's email no longer names their person, unless another person holds it now. */
    Mono<Void> forgetEmail(Participant participant) {
        if (participant.personId() == null || participant.person() == null || participant.person().email() == null) {
            return Mono.empty();
        }
        return mongo.remove(Query.query(Criteria.where("_id").is(emailKey(participant.office(),
                participant.person().email())).and("personId").is(participant.personId())), Key.class).then();
    }

    // The person the key names: as read, else ours once inserted, else whoever inserted it first.
    private Mono<String> claim(String key, Map<String, String> stored, String personId) {
        if (stored.containsKey(key)) {
            return Mono.just(stored.get(key));
        }
        return mongo.insert(new Key(key, personId)).map(Key::personId)
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(key, Key.class).map(Key::personId)
                        // erased between the insert and the read: free again
                        .switchIfEmpty(Mono.defer(() -> claim(key, Map.of(), personId))));
    }

    private static String newPersonId() {
        return UUID.randomUUID().toString();
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
