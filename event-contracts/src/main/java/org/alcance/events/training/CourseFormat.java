package org.alcance.events.training;

public enum CourseFormat {
    COURSE, WORKSHOP, SEMINAR, ROUND_TABLE, STUDY_VISIT, E_LEARNING
}
