package org.alcance.reporting.projection;

/**
 * What applying one event to a read model gave: the new document, and whether the event was new, a duplicate
 * (its sequence is not above the last one applied of its subject, so nothing changed) or new but after a gap in
 * its subject's sequence.
 */
public record Step<T>(T figures, Kind kind, long missing) {

    public enum Kind {
        APPLIED, DUPLICATE, APPLIED_AFTER_GAP
    }

    static <T> Step<T> duplicate(T unchanged) {
        return new Step<>(unchanged, Kind.DUPLICATE, 0);
    }

    /** {@code last} is the last sequence applied of the event's subject before it, {@code sequence} the event's. */
    static <T> Step<T> applied(T figures, long last, long sequence) {
        long missing = sequence - last - 1;
        return new Step<>(figures, missing > 0 ? Kind.APPLIED_AFTER_GAP : Kind.APPLIED, Math.max(0, missing));
    }

    public boolean changed() {
        return kind != Kind.DUPLICATE;
    }
}
