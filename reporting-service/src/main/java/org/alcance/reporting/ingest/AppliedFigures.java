package org.alcance.reporting.ingest;

import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;

/**
 * Told (through {@link FigureChanges#listen}) of every aggregate document an event left in a generation's read models, right after the write (and of
 * the stored document when the event was a duplicate), on the consumer's thread: implementations must be quick.
 */
public interface AppliedFigures {

    void campaign(long generation, CampaignFigures figures);

    void course(long generation, CourseFigures figures);
}
