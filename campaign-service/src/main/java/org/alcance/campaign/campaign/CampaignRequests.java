package org.alcance.campaign.campaign;

import java.time.LocalDate;
import java.util.List;

/** The bodies field offices send; every field is checked by {@link CampaignRules}, all at once. */
final class CampaignRequests {

    private CampaignRequests() {
    }

    record Target(String audience, Long target) {
    }

    record Create(String office, String title, String description, List<String> themes, List<String> channels,
            List<String> partners, List<Target> audiences, LocalDate startDate, LocalDate endDate) {
    }

    /** Only the fields present change; {@code reason} is kept with the revision. */
    record Revise(String title, String description, List<String> themes, List<String> channels, List<String> partners,
            List<Target> audiences, LocalDate startDate, LocalDate endDate, String reason) {
    }

    record Cancel(String reason) {
    }
}
