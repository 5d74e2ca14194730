package org.alcance.events.training;

public enum EnrolmentStatus {
    ENROLLED, WAITLISTED
}
