package org.alcance.events.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.alcance.events.AudienceReach;
import org.alcance.events.Checks;

/**
 * The full corrected figures of an update, replacing the previous ones (never a delta, so applying it twice
 * changes nothing). {@code revision} is 2 for the first correction, 3 for the next, and so on.
 */
public record ProgressCorrected(
        String campaignId,
        String office,
        String updateId,
        int revision,
        LocalDate reportedOn,
        Place place,
        String channel,
        Map<String, Long> materials,
        List<AudienceReach> reach,
        String reason) implements ProgressEvent {

    public static final String TYPE = "org.alcance.campaign.progress-corrected.v2";

    /** The same payload in the campaign's sequence, under the campaign's subject (see {@link ProgressEvent}). */
    public static final String TYPE_V1 = "org.alcance.campaign.progress-corrected.v1";

    public ProgressCorrected {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.text(updateId, "updateId");
        Checks.atLeast(revision, 2, "revision");
        Checks.notNull(reportedOn, "reportedOn");
        Checks.notNull(place, "place");
        Checks.text(channel, "channel");
        materials = Checks.namedCounts(materials, "materials");
        reach = Checks.list(reach, "reach");
        Checks.unique(reach, AudienceReach::audience, "reach", "audience");
        Checks.text(reason, "reason");
    }
}
