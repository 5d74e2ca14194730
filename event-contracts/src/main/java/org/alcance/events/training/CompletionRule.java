package org.alcance.events.training;

import org.alcance.events.Checks;

/** A participant completes with at least this share of sessions attended and, if set, this post-test score. */
public record CompletionRule(double minAttendanceShare, Integer minPostScore) {

    public CompletionRule {
        Checks.share(minAttendanceShare, "minAttendanceShare");
        Checks.optionalBetween(minPostScore, 0, 100, "minPostScore");
    }
}
