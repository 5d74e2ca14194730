package org.alcance.campaign.campaign;

import java.util.List;
import java.util.Set;
import org.alcance.web.Violations;
import org.alcance.events.AudienceTarget;

/** What makes campaign details valid. */
final class CampaignRules {

    /** The channels a campaign can use to reach people. */
    static final Set<String> CHANNELS = Set.of("poster", "radio", "tv", "workshop", "leaflet", "bulletin", "contest",
            "rally", "video", "social-media", "other");

    private CampaignRules() {
    }

    static Campaign.Details details(String title, String description, List<String> themes, List<String> channels,
            List<String> partners, List<CampaignRequests.Target> audiences, java.time.LocalDate startDate,
            java.time.LocalDate endDate, Violations violations) {
        violations.text(title, "title", 200)
                .optionalText(description, "description", 5_000)
                .texts(themes, "themes", 20)
                .texts(partners, "partners", 50)
                .required(channels, "channels")
                .texts(channels, "channels", CHANNELS.size())
                .required(audiences, "audiences")
                .required(startDate, "startDate")
                .required(endDate, "endDate");
        if (channels != null) {
            violations.check(!channels.isEmpty(), "channels", "must name at least one channel");
            for (int i = 0; i < channels.size(); i++) {
                violations.within(channels.get(i), CHANNELS, "channels[" + i + "]");
            }
        }
        if (audiences != null) {
            violations.check(!audiences.isEmpty() && audiences.size() <= 50, "audiences", "must have 1 to 50 audiences");
            for (int i = 0; i < audiences.size(); i++) {
                CampaignRequests.Target target = audiences.get(i);
                violations.required(target, "audiences[" + i + "]");
                if (target != null) {
                    violations.text(target.audience(), "audiences[" + i + "].audience", 100)
                            .count(target.target(), "audiences[" + i + "].target");
                }
            }
            violations.unique(audiences, target -> target == null ? null : target.audience(), "audiences", ".audience");
        }
        if (startDate != null && endDate != null) {
            violations.check(!endDate.isBefore(startDate), "endDate", "must not be before startDate");
        }
        violations.throwIfAny();
        return new Campaign.Details(title, description == null ? "" : description, orEmpty(themes), channels,
                orEmpty(partners), audiences.stream().map(t -> new AudienceTarget(t.audience(), t.target())).toList(),
                startDate, endDate);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
