package org.alcance.events;

/** An event that can never be processed as it is (bad envelope or payload): a poison message, not worth retrying. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
