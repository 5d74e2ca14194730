package org.alcance.campaign.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.alcance.events.AudienceTarget;

/** The bodies field offices send; every field is checked by {@link CampaignRules}, all at once. */
final class CampaignRequests {

    private CampaignRequests() {
    }

    /**
     * {@code baseline}: people of the audience reached before the campaign, optional. {@code milestones}: how many
     * (baseline included) by the end of a month, optional, in month order and never falling.
     */
    record Target(String audience, Long target, Long baseline, List<Milestone> milestones) {

        Target named(String audience) {
            return new Target(audience, target, baseline, milestones);
        }

        static Target of(AudienceTarget target) {
            return new Target(target.audience(), target.target(), target.baseline(), target.milestones().stream()
                    .map(m -> new Milestone(YearMonth.from(m.by()), m.target())).toList());
        }
    }

    /** {@code by} is a month, {@code 2002-09}: the target holds at its last day. */
    record Milestone(YearMonth by, Long target) {
    }

    /**
     * {@code clientReference}: the office's own id for the campaign; sending it again changes nothing.
     * {@code illustrative}: true for sample data made to show the figures; false if left out.
     */
    record Create(String office, String title, String description, List<String> themes, List<String> channels,
            List<String> partners, List<Target> audiences, LocalDate startDate, LocalDate endDate,
            String clientReference, Boolean illustrative) {
    }

    /** Only the fields present change; {@code reason} is kept with the revision. */
    record Revise(String title, String description, List<String> themes, List<String> channels, List<String> partners,
            List<Target> audiences, LocalDate startDate, LocalDate endDate, String reason) {
    }

    record Cancel(String reason) {
    }
}
