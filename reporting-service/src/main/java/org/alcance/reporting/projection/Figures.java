package org.alcance.reporting.projection;

import java.time.Instant;

/** What the read model of any aggregate tells of itself: its id, its last applied event and that event's time. */
public interface Figures {

    String id();

    long sequence();

    Instant asOf();
}
