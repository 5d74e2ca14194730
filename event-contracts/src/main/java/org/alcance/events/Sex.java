package org.alcance.events;

public enum Sex {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
