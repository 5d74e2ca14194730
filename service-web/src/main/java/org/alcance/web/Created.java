package org.alcance.web;

import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * What a create found: the entity, and whether this request made it (201 Created) or it was made before under
 * the same client reference or key (200 OK, with the first one), so that a retry never makes a second.
 */
public record Created<T>(T entity, boolean isNew) {

    /**
     * What {@code make} made; or, where it failed as a retry fails (its id taken, or a refusal of a request that
     * could no longer be made now), the entity {@code madeBefore} finds under that id, answered as it is. Any other
     * failure, or one with nothing made before, stands.
     */
    public static <T> Mono<Created<T>> madeOrFound(Mono<T> make, Mono<T> madeBefore) {
        return make.map(made -> new Created<>(made, true))
                .onErrorResume(error -> error instanceof DuplicateKeyException || error instanceof Problem,
                        refused -> madeBefore.map(found -> new Created<>(found, false))
                                .switchIfEmpty(Mono.error(refused)));
    }

    public ResponseEntity.BodyBuilder response(URI location) {
        return isNew ? ResponseEntity.created(location) : ResponseEntity.ok().location(location);
    }
}
