package org.alcance.reporting.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What every read model checks and records before it applies one event of its aggregate. */
final class Sequencing {

    private Sequencing() {
    }

    /**
     * Whether the event is new to the document; false for a duplicate (its sequence is not above {@code last},
     * the last one applied of its subject). An event of another aggregate, or of another office than the
     * document's, is refused.
     */
    static boolean isNew(String kind, String id, String eventId, String office, String eventOffice, long last,
            long sequence) {
        if (!id.equals(eventId)) {
            throw new ProjectionException("Event of " + kind + " " + eventId + " applied to " + id);
        }
        if (sequence <= last) {
            return false;
        }
        if (office != null && !office.equals(eventOffice)) {
            throw new ProjectionException(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + id
                    + " belongs to office " + office + " but event " + sequence + " says " + eventOffice);
        }
        return true;
    }

    /** The newest event time seen, in MongoDB's millisecond precision so that replayed figures compare equal. */
    static Instant asOf(Instant asOf, Instant time) {
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        return asOf == null || at.isAfter(asOf) ? at : asOf;
    }

    static long gaps(long gaps, long last, long sequence) {
        return sequence > last + 1 ? Math.addExact(gaps, 1) : gaps;
    }
}
