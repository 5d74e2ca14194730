package org.alcance.events.campaign;

import java.time.LocalDate;
import java.util.List;

import org.alcance.events.AudienceTarget;
import org.alcance.events.Checks;

/**
 * {@code illustrative}: the campaign is sample data made to show the figures (the local stack's sample season),
 * not a field office's work; an optional addition to this version, read as false when absent, as every campaign
 * published before it was (docs/architecture.md, "Illustrative data").
 */
public record CampaignCreated(
        String campaignId,
        String office,
        String title,
        String description,
        List<String> themes,
        List<String> channels,
        List<String> partners,
        List<AudienceTarget> audiences,
        LocalDate startDate,
        LocalDate endDate,
        Boolean illustrative) implements CampaignEvent {

    public static final String TYPE = "org.alcance.campaign.campaign-created.v1";

    public CampaignCreated {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.text(title, "title");
        Checks.notNull(description, "description");
        themes = Checks.texts(themes, "themes");
        channels = Checks.texts(channels, "channels");
        partners = Checks.texts(partners, "partners");
        audiences = Checks.list(audiences, "audiences");
        Checks.unique(audiences, AudienceTarget::audience, "audiences", "audience");
        Checks.dateRange(startDate, endDate);
        illustrative = Boolean.TRUE.equals(illustrative);
    }
}
