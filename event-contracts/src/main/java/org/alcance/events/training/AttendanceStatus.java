package org.alcance.events.training;

public enum AttendanceStatus {
    PRESENT, LATE, EXCUSED, ABSENT
}
