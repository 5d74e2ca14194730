package org.alcance.reporting.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.period.PeriodStatusChanged;

/**
 * The read model of one office's reporting period ({@code GT/2002-Q2}), rebuilt exactly from its events: where
 * it stands and every step it took, with who took it and the comment or reason given.
 */
public record PeriodFigures(
        String id,
        String office,
        String period,
        String from,
        String to,
        String status,
        List<Change> history,
        long sequence,
        long version,
        Instant asOf) implements Figures {

    /** One step of the period: the status it moved to, when, by whom, with what note. */
    public record Change(String status, Instant at, String by, String note) {
    }

    public PeriodFigures {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static PeriodFigures empty(String id) {
        return new PeriodFigures(id, null, null, null, null, null, List.of(), 0, 0, null);
    }

    /** Whether the period is approved: its figures are final until an admin reopens it. */
    public boolean approved() {
        return PeriodStatus.APPROVED.name().equals(status);
    }

    /** Whether the office has submitted it (and headquarters has not returned it since). */
    public boolean submitted() {
        return approved() || PeriodStatus.SUBMITTED.name().equals(status);
    }

    /** When it was last submitted, if ever. */
    public Instant submittedAt() {
        return history.stream().filter(c -> PeriodStatus.SUBMITTED.name().equals(c.status())).map(Change::at)
                .reduce((first, last) -> last).orElse(null);
    }

    /** Like {@link CampaignFigures#apply}: duplicates change nothing, a gap is applied and reported. */
    public Step<PeriodFigures> apply(PeriodStatusChanged event, long sequence, Instant time) {
        if (!Sequencing.isNew("period", id, event.aggregateId(), office, event.office(), this.sequence, sequence)) {
            return Step.duplicate(this);
        }
        List<Change> steps = new ArrayList<>(history);
        steps.add(new Change(event.status().name(), event.changedAt().truncatedTo(ChronoUnit.MILLIS), event.changedBy(),
                event.note()));
        return Step.applied(new PeriodFigures(id, event.office(), event.period(), event.from().toString(),
                event.to().toString(), event.status().name(), steps, sequence, version + 1,
                Sequencing.asOf(asOf, time)), this.sequence, sequence);
    }
}
