package org.alcance.events;

import java.time.LocalDate;
import java.util.List;

/**
 * How many people of one audience a campaign aims to reach ({@code target}), how many were already reached before
 * it ({@code baseline}, optional) and, optionally, by when: {@code milestones} are cumulative targets, each by the
 * last day of a month, in date order and never falling. Baseline and milestones are optional fields added later:
 * events published before carry neither.
 */
public record AudienceTarget(String audience, long target, Long baseline, List<Milestone> milestones) {

    /** People of the audience to have reached, baseline included, by the end of the day {@code by}. */
    public record Milestone(LocalDate by, long target) {

        public Milestone {
            Checks.notNull(by, "by");
            Checks.nonNegative(target, "target");
        }
    }

    public AudienceTarget {
        Checks.text(audience, "audience");
        Checks.nonNegative(target, "target");
        if (baseline != null) {
            Checks.nonNegative(baseline, "baseline");
        }
        milestones = Checks.list(milestones, "milestones");
    }

    /** A target alone, as campaigns had before baselines and milestones. */
    public AudienceTarget(String audience, long target) {
        this(audience, target, null, List.of());
    }
}
