package org.alcance.reporting.figures;

import java.time.Duration;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.history.History;
import org.alcance.reporting.projection.VocabularyFigures;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The catalogue the figures are grouped and labelled by: now, from the active generation's documents, read at most
 * every 250 ms (as often as the overview is folded anew, see {@link FigureCache}); or as of a day, from its history.
 */
@Component
class Vocabularies {

    private static final Duration FRESH = Duration.ofMillis(250);

    private final Mono<Labels> now;

    Vocabularies(ReactiveMongoTemplate mongo, Generations generations) {
        this.now = Mono.defer(() -> mongo.findAll(VocabularyFigures.class, Generations.vocabulary(generations.active()))
                        .collectList().map(Labels::new))
                .cache(labels -> FRESH, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<Labels> now() {
        return now;
    }

    static Labels of(History history) {
        return new Labels(history.vocabulary());
    }
}
