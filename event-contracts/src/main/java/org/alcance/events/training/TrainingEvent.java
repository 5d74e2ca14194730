package org.alcance.events.training;

import org.alcance.events.DomainEvent;

/** Events of one course, published on {@link org.alcance.events.Topics#TRAINING_EVENTS} keyed by course id. */
public sealed interface TrainingEvent extends DomainEvent
        permits CourseScheduled, CourseRevised, CourseStarted, CourseCancelled, CourseCompleted, SessionHeld,
        ParticipantEnrolled, ParticipantPromoted, ParticipantWithdrawn, AttendanceRecorded, AssessmentRecorded,
        ParticipantCompleted {

    String courseId();

    @Override
    default String aggregateId() {
        return courseId();
    }
}
