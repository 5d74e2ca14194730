package org.alcance.campaign.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alcance.events.AudienceTarget;

/** A campaign as the API shows it, with its revision history. */
record CampaignView(String id, String office, boolean illustrative, String title, String description, List<String> themes,
        List<String> channels, List<String> partners, List<AudienceTarget> audiences, LocalDate startDate,
        LocalDate endDate, CampaignStatus status, long version, Instant createdAt, Instant changedAt,
        List<Campaign.Revision> revisions) {

    static CampaignView of(Campaign campaign) {
        Campaign.Details details = campaign.details();
        return new CampaignView(campaign.id(), campaign.office(), campaign.illustrative(), details.title(), details.description(),
                details.themes(), details.channels(), details.partners(), details.audiences(), details.startDate(),
                details.endDate(), campaign.status(), campaign.version(), campaign.createdAt(), campaign.changedAt(),
                campaign.revisions());
    }

    /** A page of campaigns; pass {@code nextCursor} back as {@code cursor} for the next one (null at the end). */
    record CampaignPage(List<CampaignView> items, String nextCursor) {
    }
}
