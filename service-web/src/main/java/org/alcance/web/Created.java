package org.alcance.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * What a create found: the entity, and whether this request made it (201 Created) or it was made before under
 * the same client reference or key (200 OK, with the first one), so that a retry never makes a second.
 */
public record Created<T>(T entity, boolean isNew) {

    public ResponseEntity.BodyBuilder response(URI location) {
        return isNew ? ResponseEntity.created(location) : ResponseEntity.ok().location(location);
    }
}
