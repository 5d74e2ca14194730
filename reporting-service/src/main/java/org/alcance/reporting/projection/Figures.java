package org.alcance.reporting.projection;

import java.time.Instant;

/** What the read model of any aggregate tells of itself: its id, what was applied to it, and when. */
public interface Figures {

    String id();

    /** The last applied event's among those numbered in the aggregate's own sequence; 0 until one was. */
    long sequence();

    /**
     * How many events changed the document, whichever numbering they came in: it grows with every change, so a
     * writer that finds it unchanged knows nobody wrote the document since it was read.
     */
    long version();

    Instant asOf();

    /**
     * Whether an event of the aggregate itself was applied. Until then (only a campaign's progress updates came,
     * before the campaign was created) there is no campaign or course to show.
     */
    default boolean seen() {
        return sequence() > 0;
    }
}
