package org.alcance.campaign.vocabulary;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue every campaign and update is checked against, read at most once per {@code refresh} (5 seconds
 * by default) rather than on each request: it is small, it rarely changes, and updates are the busiest writes.
 * A change made here is seen at once; one made through another replica within {@code refresh}.
 */
@Component
public class Vocabulary {

    private final ReactiveMongoTemplate mongo;
    private final Duration refresh;
    private final AtomicReference<Mono<Catalogue>> current = new AtomicReference<>();

    Vocabulary(ReactiveMongoTemplate mongo,
            @Value("${alcance.vocabulary.refresh:5s}") Duration refresh) {
        this.mongo = mongo;
        this.refresh = refresh;
        forget();
    }

    public Mono<Catalogue> catalogue() {
        return current.get();
    }

    /** Reads the catalogue anew on the next request. */
    void forget() {
        Mono<Catalogue> read = mongo.findAll(VocabularyEntry.class).collectList().map(Catalogue::new);
        current.set(read.cache(catalogue -> refresh, error -> Duration.ZERO, () -> Duration.ZERO));
    }
}
