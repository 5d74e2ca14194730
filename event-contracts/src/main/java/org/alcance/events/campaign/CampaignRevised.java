package org.alcance.events.campaign;

import java.time.LocalDate;
import java.util.List;

import org.alcance.events.AudienceTarget;
import org.alcance.events.Checks;

/** Carries the full new values of every revisable field, so consumers replace rather than merge. */
public record CampaignRevised(
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
        String reason) implements CampaignEvent {

    public static final String TYPE = "org.alcance.campaign.campaign-revised.v1";

    public CampaignRevised {
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
        Checks.optionalText(reason, "reason");
    }
}
