package org.alcance.reporting.projection;

/**
 * An event that is well formed but contradicts the document it should apply to (e.g. another office's
 * event for this aggregate). Retrying will not help; the consumer dead-letters it after its tries.
 */
public class ProjectionException extends IllegalStateException {

    public ProjectionException(String message) {
        super(message);
    }
}
