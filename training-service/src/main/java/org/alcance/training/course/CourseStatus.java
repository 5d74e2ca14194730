package org.alcance.training.course;

import java.util.Set;

/** SCHEDULED → IN_PROGRESS → COMPLETED, or CANCELLED before it completes. */
public enum CourseStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED;

    boolean canBecome(CourseStatus next) {
        return switch (this) {
            case SCHEDULED -> Set.of(IN_PROGRESS, CANCELLED).contains(next);
            case IN_PROGRESS -> Set.of(COMPLETED, CANCELLED).contains(next);
            case COMPLETED, CANCELLED -> false;
        };
    }

    /** Whether people can still enrol, withdraw, be assessed and the course be revised. */
    public boolean isOpen() {
        return this == SCHEDULED || this == IN_PROGRESS;
    }
}
