package org.alcance.campaign.campaign;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.alcance.events.AudienceTarget;

/** The bodies field offices send; every field is checked by {@link CampaignRules}, all at once. */
final class CampaignRequests {

    /** Guatemala's poster campaign, as the README creates it. */
    static final String EXAMPLE = """
            {"title": "Migrant Friend: You Have Rights", "themes": ["migrant rights"],
             "channels": ["poster", "workshop"], "partners": ["Catholic Church"],
             "audiences": [{"audience": "migrants", "target": 100000}],
             "startDate": "2002-03-01", "endDate": "2002-12-31", "clientReference": "gt-posters-2002"}""";

    static final String MINIMAL = """
            {"title": "Migrant Friend: You Have Rights", "channels": ["poster"],
             "audiences": [{"audience": "migrants", "target": 100000}],
             "startDate": "2002-03-01", "endDate": "2002-12-31"}""";

    private CampaignRequests() {
    }

    /**
     * {@code baseline}: people of the audience reached before the campaign, optional. {@code milestones}: how many
     * (baseline included) by the end of a month, optional, in month order and never falling.
     */
    @Schema(name = "TargetInput")
    record Target(@Schema(requiredMode = REQUIRED) String audience, @Schema(requiredMode = REQUIRED) Long target,
            Long baseline, List<Milestone> milestones) {

        Target named(String audience) {
            return new Target(audience, target, baseline, milestones);
        }

        static Target of(AudienceTarget target) {
            return new Target(target.audience(), target.target(), target.baseline(), target.milestones().stream()
                    .map(m -> new Milestone(YearMonth.from(m.by()), m.target())).toList());
        }
    }

    /** {@code by} is a month, {@code 2002-09}: the target holds at its last day. */
    @Schema(name = "MilestoneInput")
    record Milestone(@Schema(requiredMode = REQUIRED, type = "string", example = "2002-09") YearMonth by,
            @Schema(requiredMode = REQUIRED) Long target) {
    }

    /**
     * {@code clientReference}: the office's own id for the campaign; sending it again changes nothing.
     * {@code illustrative}: true for sample data made to show the figures; false if left out.
     */
    @Schema(name = "NewCampaign")
    record Create(String office, @Schema(requiredMode = REQUIRED) String title, String description,
            List<String> themes, @Schema(requiredMode = REQUIRED) List<String> channels, List<String> partners,
            @Schema(requiredMode = REQUIRED) List<Target> audiences, @Schema(requiredMode = REQUIRED) LocalDate startDate,
            @Schema(requiredMode = REQUIRED) LocalDate endDate, String clientReference,
            @Schema(description = "true for sample data made to show the figures; false if left out") Boolean illustrative) {
    }

    /** Only the fields present change; {@code reason} is kept with the revision. */
    @Schema(name = "CampaignRevision")
    record Revise(String title, String description, List<String> themes, List<String> channels, List<String> partners,
            List<Target> audiences, LocalDate startDate, LocalDate endDate, String reason) {
    }

    @Schema(name = "Cancellation")
    record Cancel(@Schema(description = "Why it is cancelled; required to cancel") String reason) {
    }
}
