package org.alcance.events.training;

public enum AssessmentKind {
    PRE, POST
}
