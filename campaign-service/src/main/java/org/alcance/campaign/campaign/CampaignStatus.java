package org.alcance.campaign.campaign;

import java.util.Set;

/** DRAFT → ACTIVE → COMPLETED, or CANCELLED from DRAFT or ACTIVE. */
public enum CampaignStatus {
    DRAFT, ACTIVE, COMPLETED, CANCELLED;

    boolean canBecome(CampaignStatus next) {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE, CANCELLED).contains(next);
            case ACTIVE -> Set.of(COMPLETED, CANCELLED).contains(next);
            case COMPLETED, CANCELLED -> false;
        };
    }

    /** Whether its figures can still be revised or its updates corrected. */
    public boolean isOpen() {
        return this == DRAFT || this == ACTIVE;
    }
}
