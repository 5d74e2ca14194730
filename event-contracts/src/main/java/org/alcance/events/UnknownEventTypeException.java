package org.alcance.events;

/**
 * A type string (or class) missing from {@link EventTypes}. A subclass of {@link InvalidEventException} so that
 * catching the latter dead-letters it too; catch this one first to skip types a consumer does not know yet.
 */
public class UnknownEventTypeException extends InvalidEventException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
