package org.alcance.campaign.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.alcance.campaign.vocabulary.Catalogue;
import org.alcance.events.AudienceTarget;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.web.Violations;

/** What makes campaign details valid. */
final class CampaignRules {

    /** The channels a campaign can use to reach people until the organisation's catalogue names its own. */
    static final Set<String> CHANNELS = Set.of("poster", "radio", "tv", "workshop", "leaflet", "bulletin", "contest",
            "rally", "video", "social-media", "other");

    private CampaignRules() {
    }

    /**
     * Themes, channels and audiences are checked against the organisation's catalogue and stored as its codes
     * (see {@link Catalogue}); those that {@code was} holds already, the details before a revision (null for a
     * new campaign), are kept as they are.
     */
    static Campaign.Details details(String title, String description, List<String> themes, List<String> channels,
            List<String> partners, List<CampaignRequests.Target> audiences, LocalDate startDate,
            LocalDate endDate, Catalogue catalogue, Campaign.Details was, Violations violations) {
        themes = catalogue.stored(VocabularyKind.THEME, themes, was == null ? List.of() : was.themes(), "themes",
                violations);
        channels = catalogue.stored(VocabularyKind.CHANNEL, channels, was == null ? List.of() : was.channels(),
                "channels", violations);
        audiences = coded(audiences, catalogue, was, violations);
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
            for (int i = 0; !catalogue.defines(VocabularyKind.CHANNEL) && i < channels.size(); i++) {
                violations.within(channels.get(i), CHANNELS, "channels[" + i + "]");
            }
        }
        if (audiences != null) {
            violations.check(!audiences.isEmpty() && audiences.size() <= 50, "audiences", "must have 1 to 50 audiences");
            for (int i = 0; i < audiences.size(); i++) {
                CampaignRequests.Target target = audiences.get(i);
                violations.required(target, "audiences[" + i + "]");
                if (target != null) {
                    target(target, "audiences[" + i + "]", startDate, endDate, violations);
                }
            }
            violations.unique(audiences, target -> target == null ? null : target.audience(), "audiences", ".audience");
        }
        if (startDate != null && endDate != null) {
            violations.check(!endDate.isBefore(startDate), "endDate", "must not be before startDate");
        }
        violations.throwIfAny();
        return new Campaign.Details(title, description == null ? "" : description, orEmpty(themes), channels,
                orEmpty(partners), audiences.stream().map(t -> new AudienceTarget(t.audience(), t.target(),
                        t.baseline(), orEmpty(t.milestones()).stream().map(m -> new AudienceTarget.Milestone(
                                m.by().atEndOfMonth(), m.target())).toList())).toList(),
                startDate, endDate);
    }

    private static List<CampaignRequests.Target> coded(List<CampaignRequests.Target> audiences, Catalogue catalogue,
            Campaign.Details was, Violations violations) {
        if (audiences == null) {
            return null;
        }
        List<String> kept = was == null ? List.of() : was.audienceNames();
        List<CampaignRequests.Target> coded = new ArrayList<>();
        for (int i = 0; i < audiences.size(); i++) {
            CampaignRequests.Target target = audiences.get(i);
            coded.add(target == null ? null : target.named(catalogue.stored(VocabularyKind.AUDIENCE,
                    target.audience(), kept, "audiences[" + i + "].audience", violations)));
        }
        return coded;
    }

    private static void target(CampaignRequests.Target target, String field, LocalDate startDate, LocalDate endDate,
            Violations violations) {
        violations.text(target.audience(), field + ".audience", 100).count(target.target(), field + ".target");
        if (target.baseline() != null) {
            violations.count(target.baseline(), field + ".baseline");
        }
        List<CampaignRequests.Milestone> milestones = orEmpty(target.milestones());
        violations.check(milestones.size() <= 120, field + ".milestones", "must have at most 120 milestones");
        CampaignRequests.Milestone previous = null;
        for (int i = 0; i < milestones.size(); i++) {
            CampaignRequests.Milestone milestone = milestones.get(i);
            String at = field + ".milestones[" + i + "]";
            violations.required(milestone, at);
            if (milestone == null) {
                continue;
            }
            violations.required(milestone.by(), at + ".by").count(milestone.target(), at + ".target");
            if (milestone.by() != null && startDate != null && endDate != null) {
                violations.check(!milestone.by().isBefore(YearMonth.from(startDate))
                        && !milestone.by().isAfter(YearMonth.from(endDate)), at + ".by",
                        "must be a month of the campaign, " + YearMonth.from(startDate) + " to " + YearMonth.from(endDate));
            }
            if (milestone.target() != null && target.target() != null) {
                violations.check(milestone.target() <= target.target(), at + ".target",
                        "must not exceed the audience's target, " + target.target());
            }
            if (previous != null && previous.by() != null && milestone.by() != null) {
                violations.check(milestone.by().isAfter(previous.by()), at + ".by", "must come after the milestone before");
            }
            if (previous != null && previous.target() != null && milestone.target() != null) {
                violations.check(milestone.target() >= previous.target(), at + ".target",
                        "must not be below the milestone before: milestones are cumulative");
            }
            previous = milestone;
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
