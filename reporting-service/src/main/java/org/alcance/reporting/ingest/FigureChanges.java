package org.alcance.reporting.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells live readers (Server-Sent Events) that an aggregate's figures changed in the active generation.
 * Local to this replica, and never slows ingestion: each subscriber has a buffer of its own, since a poll's
 * changes leave in a burst faster than a connection takes them; one that falls more than
 * {@value #BUFFERED} changes behind loses the oldest (counted), and can always read the figures again.
 * {@link AppliedFigures} listeners are told of every document written, in every generation, without fail.
 */
@Component
public class FigureChanges {

    static final int BUFFERED = 10_000;

    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();
    private final List<AppliedFigures> listeners = new CopyOnWriteArrayList<>();
    private final Counter dropped;

    FigureChanges(MeterRegistry meters) {
        this.dropped = Counter.builder("alcance.reporting.stream.dropped")
                .description("Figure changes a live reader lost because it fell too far behind").register(meters);
    }

    /**
     * {@code aggregate} is {@code campaign}, {@code course}, {@code period} or {@code schedule} (whose office is
     * null: it is the whole organisation's); {@code type} the event type applied, with its
     * {@code subject} and {@code sequence} (for a progress update: the update and its revision), so a client
     * can tell when its own change is counted; {@code version} the document's after it, which grows with every
     * change of the aggregate (an event's own sequence would not: each progress update numbers its revisions
     * from 1).
     */
    public record Change(String aggregate, String id, String office, String type, String subject, long sequence,
            long version, Instant asOf) {
    }

    public Flux<Change> changes() {
        return sink.asFlux().onBackpressureBuffer(BUFFERED, lost -> dropped.increment(), BufferOverflowStrategy.DROP_OLDEST);
    }

    public void listen(AppliedFigures listener) {
        listeners.add(listener);
    }

    void written(long generation, CampaignFigures figures) {
        listeners.forEach(listener -> listener.campaign(generation, figures));
    }

    void written(long generation, CourseFigures figures) {
        listeners.forEach(listener -> listener.course(generation, figures));
    }

    synchronized void publish(Change change) {
        sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }
}
