package org.alcance.campaign.update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.events.AudienceReach;
import org.alcance.events.campaign.Place;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A field office's progress update as it stands now, with every earlier state in {@code history}:
 * a correction or retraction never erases what was reported. Its document also carries the events
 * of its revisions until the relay has published them.
 */
@Document(ProgressUpdate.COLLECTION)
public record ProgressUpdate(
        @Id String id,
        String campaignId,
        String office,
        int revision,
        Status status,
        Figures figures,
        String clientReference,
        Instant reportedAt,
        String reportedBy,
        Instant changedAt,
        List<Change> history) {

    static final String COLLECTION = "progress_updates";

    public enum Status { REPORTED, CORRECTED, RETRACTED }

    /** What was done and whom it reached. */
    public record Figures(LocalDate reportedOn, Place place, String channel, Map<String, Long> materials,
            List<AudienceReach> reach, String notes) {
    }

    /** One step of the update's history: what it became, when, by whom and why. */
    public record Change(int revision, Status status, Instant at, String by, String reason, Figures figures) {
    }

    ProgressUpdate next(Status status, Figures figures, Instant at, String by, String reason) {
        List<Change> changes = new java.util.ArrayList<>(history);
        changes.add(new Change(revision + 1, status, at, by, reason, figures));
        return new ProgressUpdate(id, campaignId, office, revision + 1, status, figures, clientReference, reportedAt,
                reportedBy, at, List.copyOf(changes));
    }
}
