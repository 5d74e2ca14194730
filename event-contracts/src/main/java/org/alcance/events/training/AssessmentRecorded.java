package org.alcance.events.training;

import org.alcance.events.Checks;

public record AssessmentRecorded(
        String courseId,
        String office,
        String participantId,
        AssessmentKind kind,
        int score) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.assessment-recorded.v1";

    public AssessmentRecorded {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
        Checks.notNull(kind, "kind");
        Checks.between(score, 0, 100, "score");
    }
}
