package org.alcance.events.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.alcance.events.AudienceReach;
import org.alcance.events.Checks;

/**
 * A field office's progress update. {@code updateId} identifies the update across its corrections;
 * {@code clientReference} is the caller's own row id (e.g. from a bulk upload), optional.
 */
public record ProgressReported(
        String campaignId,
        String office,
        String updateId,
        LocalDate reportedOn,
        Place place,
        String channel,
        Map<String, Long> materials,
        List<AudienceReach> reach,
        String clientReference) implements ProgressEvent {

    public static final String TYPE = "org.alcance.campaign.progress-reported.v2";

    /** The same payload in the campaign's sequence, under the campaign's subject (see {@link ProgressEvent}). */
    public static final String TYPE_V1 = "org.alcance.campaign.progress-reported.v1";

    public ProgressReported {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.text(updateId, "updateId");
        Checks.notNull(reportedOn, "reportedOn");
        Checks.notNull(place, "place");
        Checks.text(channel, "channel");
        materials = Checks.namedCounts(materials, "materials");
        reach = Checks.list(reach, "reach");
        Checks.unique(reach, AudienceReach::audience, "reach", "audience");
        Checks.optionalText(clientReference, "clientReference");
    }
}
