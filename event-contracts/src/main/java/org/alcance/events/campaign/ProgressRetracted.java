package org.alcance.events.campaign;

import java.time.Instant;

import org.alcance.events.Checks;

/** Withdraws an update's figures from all totals; the history stays with the producer. */
public record ProgressRetracted(String campaignId, String office, String updateId, String reason, Instant retractedAt)
        implements ProgressEvent {

    public static final String TYPE = "org.alcance.campaign.progress-retracted.v2";

    /** The same payload in the campaign's sequence, under the campaign's subject (see {@link ProgressEvent}). */
    public static final String TYPE_V1 = "org.alcance.campaign.progress-retracted.v1";

    public ProgressRetracted {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.text(updateId, "updateId");
        Checks.text(reason, "reason");
        Checks.notNull(retractedAt, "retractedAt");
    }
}
