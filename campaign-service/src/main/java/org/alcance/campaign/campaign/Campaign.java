package org.alcance.campaign.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.OutboxEvent;
import org.alcance.events.AudienceTarget;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A campaign, its history of revisions, and the events it has not yet published. {@code version}
 * changes with every edit of the campaign itself (the ETag); {@code sequence} numbers the campaign's
 * own events and guards every write against a concurrent one. Its progress updates are documents of
 * their own, with their own events ({@code ProgressUpdate}). {@code illustrative}: sample data made to show the
 * figures, set at creation and never revised; false for a campaign stored before the flag.
 */
@Document(Campaign.COLLECTION)
public record Campaign(
        @Id String id,
        String office,
        Details details,
        Boolean illustrative,
        CampaignStatus status,
        long version,
        long sequence,
        Instant createdAt,
        String createdBy,
        Instant changedAt,
        List<Revision> revisions,
        List<OutboxEvent> outbox) implements Aggregate {

    public static final String COLLECTION = "campaigns";

    public Campaign {
        illustrative = Boolean.TRUE.equals(illustrative);
        revisions = revisions == null ? List.of() : revisions;
        outbox = outbox == null ? List.of() : outbox;
    }

    /** What a field office describes and may revise. */
    public record Details(String title, String description, List<String> themes, List<String> channels,
            List<String> partners, List<AudienceTarget> audiences, LocalDate startDate, LocalDate endDate) {

        public boolean hasAudience(String audience) {
            return audiences.stream().anyMatch(target -> target.audience().equals(audience));
        }

        /** The audiences' names, in the campaign's order. */
        public List<String> audienceNames() {
            return audiences.stream().map(AudienceTarget::audience).toList();
        }
    }

    /** The details as they stood after one revision; version 1 is the campaign as created. */
    public record Revision(long version, Instant at, String by, String reason, Details details) {
    }
}
