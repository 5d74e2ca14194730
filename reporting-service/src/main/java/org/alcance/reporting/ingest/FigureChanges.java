package org.alcance.reporting.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells live readers (Server-Sent Events) that an aggregate's figures changed in the active generation.
 * Best effort and local to this replica: a slow subscriber misses changes rather than slowing ingestion, and
 * can always read the figures again. {@link AppliedFigures} listeners are told of every document written, in
 * every generation, without fail.
 */
@Component
public class FigureChanges {

    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();
    private final List<AppliedFigures> listeners = new CopyOnWriteArrayList<>();

    /** {@code aggregate} is {@code campaign} or {@code course}; {@code type} the event type applied. */
    public record Change(String aggregate, String id, String office, String type, long sequence, Instant asOf) {
    }

    public Flux<Change> changes() {
        return sink.asFlux();
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
